"""Content packs: another version of the content (easy read, a translation) laid over it.

A pack is a folder ``packs/<name>/`` inside a content folder, with the same file
names and the same ids as the original, holding only the texts it changes. Every
text it lacks falls back to the original; facts that are not text (numbers,
sources, roles, case figures) always come from the original and a pack cannot
give them. A pack naming an id the original does not have is refused, with the
file and line.

Pack names follow the choice a user makes: ``cy`` for Welsh, ``easy-read`` for
English easy read, ``cy-easy-read`` for Welsh easy read.

Here: which pack a choice means (:mod:`.choice`, light: no pydantic), what a pack
may hold (:mod:`.patches`) and laying it over the original (:mod:`.overlay`).
Reading a pack folder is :mod:`coprod.storage.packs`.
"""
