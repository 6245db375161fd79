"""``coprod workshop``: a local web app where a room answers on their phones.

Started by ``coprod workshop`` (coprod/cli/commands/workshop.py); a Starlette app under
uvicorn, pages from the Jinja2 templates in ``templates/`` (autoescaped), styles and
the one script in ``static/``. Nothing is fetched from the internet.

Languages: each phone's pages (content and interface strings, ``<html lang>``) follow the
choice it made on the welcome page (cookie ``coprod_lang``), rendered with that request's
own translations; the facilitator's page, the code page and the printed lines follow the
workshop's language (``--lang`` / ``COPROD_LANG``), and so does the wall.
Answers files stay ids only.

Privacy: what the room sees (the wall, the phones, the exports "to share") is the
shared view, ``coprod team --anonymous``: ratings as counts, notes without names, roles
only as counts of three or more ("other roles" pools the rest), in every workshop.
Who said what is only on the facilitator's console, behind ``?names=1`` (never with
``--anonymous``), and in the exports "with names — keep private".

URL scheme (``JOIN``, ``FAC`` and ``WALL`` are three different 192-bit secrets kept in
``DIR/.coprod-workshop.json``, mode 0600; a wrong or missing one is a bare 404):

* ``GET  /j/JOIN/`` the join URL (in the QR code). A new phone sees the welcome with
  the optional name (not asked with --anonymous) and role, and what the room and the
  facilitator will see; it creates nothing. A phone with the participant cookie is sent
  (303) to the last page it was shown (cookie ``coprod_page``), else its first page with
  a question unanswered, with ``?back=1`` ("Welcome back — your answers so far are saved").
* ``GET|POST /j/JOIN/about``, ``/j/JOIN/criteria``, ``/j/JOIN/practice/<practice id>``
  (one per practice: full, its statements; quick, one rating), ``/j/JOIN/reflections``,
  ``GET /j/JOIN/done`` (the person's own profile and what they skipped, with links).
  Each page is a plain ``<form method="post">``; the server writes the answers file,
  then redirects (303) to the next page, or the previous one for the Back button
  (``nav=back``). The welcome page gives a new phone its key, the cookie
  ``coprod_participant`` (HttpOnly, SameSite=Lax, Path=/j/JOIN), and creates nothing;
  the phone's first POST creates the participant and ``DIR/participant-NNN.yaml`` (mode
  0600), once, however many taps arrive before the answer; a participant exists only
  once that first save succeeded.
  Field names: see :mod:`coprod.web.flow`. ``nav=save`` (sent by ``static/phone.js`` as
  each choice is made) saves the page and answers 204 (422 with a text too long).
  Once the facilitator shares with phones, the done page shows the group's profile
  beside the person's own (from three participants on).
* ``GET  /f/FAC/`` the facilitator's console: counts, progress per practice, the wall's
  controls, the group view once revealed (``?names=1``: who said what); ``POST
  /f/FAC/reveal`` (``show=show`` or ``show=hide``); ``POST /f/FAC/wall`` (see
  :mod:`coprod.web.wall`); ``GET /f/FAC/events`` server-sent events (``event: update``,
  data: the page's live part as HTML, at most one per ~0.5 s per listener);
  ``GET /f/FAC/team-share.{md,html,json}``: ``coprod team --anonymous --format …`` over
  DIR, to share; ``GET /f/FAC/team.{md,html,json}``: ``coprod team``, with names (409
  with fewer than two participants); ``GET /f/FAC/join-qr.svg``.
* ``GET  /w/WALL/`` the wall, for the projector, ``/w/WALL/events`` and
  ``/w/WALL/join-qr.svg`` (see :mod:`coprod.web.wall`); nothing under ``/w/`` takes a POST.
* ``GET|POST /code``: for a phone without a camera, type the short code (6 characters,
  shown as ``ABC-DEF`` on the facilitator's page and printed) to be sent (303) to the
  join URL; creates nothing. Wrong codes are rate-limited (5 per client, 30 in all, per
  10 minutes; then 429).
* ``GET /j/JOIN``, ``/f/FAC`` and ``/w/WALL`` (typed without the final slash) redirect
  (303) to the page; any other path is a 404 (no slash redirects).
* ``GET /static/…`` the stylesheet and script. DIR itself is never served.

Limits: request bodies over 64 KB get 413; a note or reflection over 2,000 characters
re-shows the page (422) with the text kept and the rest saved; past
``--max-participants`` (default 200) a new phone gets "This workshop is full" (403).
Every state-changing request (any method but GET, HEAD, OPTIONS) whose ``Origin`` is
another site's (or ``null``), or whose ``Sec-Fetch-Site`` is not ``same-origin`` or
``none``, gets 403 and changes nothing. An unexpected failure is a plain 500 and one
warning line on the terminal (no traceback). One server per folder: it holds
``DIR/.coprod-workshop.lock`` (the system's file lock) while it runs, and a second is refused.
Slow clients are bounded: see :mod:`coprod.web.server`.
Every response, errors included, has a Content-Security-Policy (``default-src 'self'``, no inline
script; the HTML export allows its inline style by hash), ``X-Content-Type-Options:
nosniff`` and ``Referrer-Policy: same-origin`` (no address, so no secret, goes to
another site; the pages' own posts carry their real ``Origin``).

What the command prints on standard output (plain lines, flushed, also when it is
not a terminal), in this order; the join and facilitator URLs end their lines:

1. a QR code of the join URL (only when standard output is a terminal);
2. on a restart only: ``Carrying on the workshop for PROJECT (N participants so far).``;
3. ``Participants join at: http://HOST:PORT/j/JOIN/`` (the only line with "join");
4. ``The facilitator page (keep it to yourself): http://HOST:PORT/f/FAC/``
   (the only line with "facilitator");
4a. ``Projector (put this page on the room's screen): http://HOST:PORT/w/WALL/``;
5. ``No camera? Open http://HOST:PORT/code and type the code ABC-DEF``;
6. what to do when phones cannot connect (a phone's hotspot), and
   ``Answers are saved in DIR/ as they come. Stop with Ctrl-C.``;
7. while it runs, at most once a minute and only when it changed:
   ``HH:MM · N joined, M finished``;
8. on Ctrl-C or SIGTERM: an empty line, ``Workshop stopped: N participants, M finished.``,
   ``Answers are in DIR/`` and ``Read them together: coprod team DIR/*.yaml``; exit 0.

Flags that disagree with a restarted workshop's settings are reported on standard
error (``warning: DIR is a workshop started with --project X; --project Y is ignored``).
HOST defaults to this machine's LAN address (127.0.0.1 without a network); PORT to the
workshop's earlier port, else 8765; when that is taken, any free port (for a restarted
workshop, a warning says so and the new addresses follow); ``--port 0`` takes any free
port. Without ``--out``, a default folder that already holds a workshop is never merged
into silently: in a terminal coprod asks whether to carry on or start a new one
(``DIR-2``); without one it stops (exit 2) naming ``--out`` and ``--new``.
uvicorn's access log is off.
"""
