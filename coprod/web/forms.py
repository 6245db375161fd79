"""The forms posted to the workshop, read in one place.

The workshop's pages post URL-encoded forms (a phone posts one at every step): those
are read with the standard library's parser, a third of the time Starlette's streaming
parser takes, with the same result (``+`` and ``%XX`` decoded as UTF-8, a bad byte
replaced, an empty value kept; and text sent unencoded, as a script may, read as UTF-8). Any other kind of form goes to Starlette's parser,
which refuses a file. A form with more fields than its page has is refused (400), as
Starlette refuses it. The body's size is bounded before this (``security.BodyLimit``).
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request

URLENCODED = "application/x-www-form-urlencoded"


async def read_form(request: Request, *, max_fields: int) -> FormData:
    """The posted form's fields (``get``: a name's last value; ``getlist``: each)."""
    kind = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if kind != URLENCODED:
        async with request.form(max_files=0, max_fields=max_fields) as form:
            return FormData(form.multi_items())
    body = await request.body()
    try:
        pairs: list[tuple[str, str | UploadFile]] = list(
            parse_qsl(
                body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=max_fields
            )
        )
    except ValueError:
        raise HTTPException(400, f"Too many fields: at most {max_fields}.") from None
    return FormData(pairs)
