"""``coprod workshop``: a local web app where a room answers on their phones.

Started by ``coprod workshop`` (coprod/cli/commands/workshop.py); a Starlette app under
uvicorn, pages from the Jinja2 templates in ``templates/`` (autoescaped), styles and
the one script in ``static/``. Nothing is fetched from the internet.

Languages: each phone's pages (content and interface strings, ``<html lang>``) follow the
choice it made on the welcome page (cookie ``coprod_lang``), rendered with that request's
own translations; the facilitator's page, the code page and the printed lines follow the
workshop's language (``--lang`` / ``COPROD_LANG``). Answers files stay ids only.

URL scheme (``JOIN`` and ``FAC`` are two different 192-bit secrets kept in
``DIR/.coprod-workshop.json``, mode 0600; a wrong or missing one is a bare 404):

* ``GET  /j/JOIN/`` the join URL (in the QR code). A new phone sees the welcome with
  the optional name (not asked with --anonymous) and role; it creates nothing. A phone
  with the participant cookie is sent (303) to its first page with a question unanswered.
* ``GET|POST /j/JOIN/about``, ``/j/JOIN/criteria``, ``/j/JOIN/practice/<practice id>``
  (one per practice: full, its statements; quick, one rating), ``/j/JOIN/reflections``,
  ``GET /j/JOIN/done`` (the person's own profile and what they skipped, with links).
  Each page is a plain ``<form method="post">``; the server writes the answers file,
  then redirects (303) to the next page, or the previous one for the Back button
  (``nav=back``). The welcome page gives a new phone its key, the cookie
  ``coprod_participant`` (HttpOnly, SameSite=Lax, Path=/j/JOIN), and creates nothing;
  the phone's first POST creates the participant and ``DIR/participant-NNN.yaml`` (mode
  0600), once, however many taps arrive before the answer; a participant exists only
  once that first save succeeded. Field names: see :mod:`coprod.web.flow`.
* ``GET  /f/FAC/`` the facilitator's page: counts, progress per practice, the group
  view once revealed; ``POST /f/FAC/reveal`` (``show=show`` or ``show=hide``);
  ``GET /f/FAC/events`` server-sent events (``event: update``, data: the page's live
  part as HTML, at most one per ~0.5 s per listener); ``GET /f/FAC/team.md``,
  ``team.html``, ``team.json``: the same output as ``coprod team --format …`` over
  DIR (409 with fewer than two participants); ``GET /f/FAC/join-qr.svg``.
* ``GET|POST /code``: for a phone without a camera, type the short code (6 characters,
  shown as ``ABC-DEF`` on the facilitator's page and printed) to be sent (303) to the
  join URL; creates nothing. Wrong codes are rate-limited (5 per client, 30 in all, per
  10 minutes; then 429).
* ``GET /j/JOIN`` and ``/f/FAC`` (typed without the final slash) redirect (303) to the
  page; any other path is a 404 (no slash redirects).
* ``GET /static/…`` the stylesheet and script. DIR itself is never served.

Limits: request bodies over 64 KB get 413; a note or reflection over 2,000 characters
re-shows the page (422) with the text kept and the rest saved; past
``--max-participants`` (default 200) a new phone gets "This workshop is full" (403).
Every state-changing request (any method but GET, HEAD, OPTIONS) whose ``Origin`` is
another site's (or ``null``), or whose ``Sec-Fetch-Site`` is not ``same-origin`` or
``none``, gets 403 and changes nothing. An unexpected failure is a plain 500 and one
warning line on the terminal (no traceback). One server per folder: it holds
``DIR/.coprod-workshop.lock`` (an ``flock``) while it runs, and a second is refused.
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
5. ``No camera? Open http://HOST:PORT/code and type the code ABC-DEF``;
6. what to do when phones cannot connect (a phone's hotspot), and
   ``Answers are saved in DIR/ as they come. Stop with Ctrl-C.``;
7. on Ctrl-C or SIGTERM: an empty line, ``Workshop stopped: N participants, M finished.``,
   ``Answers are in DIR/`` and ``Read them together: coprod team DIR/*.yaml``; exit 0.

Flags that disagree with a restarted workshop's settings are reported on standard
error (``warning: DIR is a workshop started with --project X; --project Y is ignored``).
HOST defaults to this machine's LAN address (127.0.0.1 without a network); PORT to the
workshop's earlier port, else 8765 (a new workshop falls back to any free port if 8765
is taken); ``--port 0`` takes any free port. uvicorn's access log is off.
"""
