"""Bytes to text: BOMs, UTF-16, a page's declared charset, Arabic Windows-1256, Latin-1 fall-back, binary detection."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import InputError

__all__ = ["decode_bytes"]


def decode_bytes(data: bytes, path: str | Path) -> tuple[str, list[str]]:
    """Decode file contents, returning ``(text, warnings)``.

    Raises :class:`~geomap.errors.InputError` for binary data.

    Examples
    --------
    >>> decode_bytes("caf\\u00e9".encode("latin-1"), "x.txt")
    ('café', ['not UTF-8; read as Windows-1252/Latin-1'])
    """
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), warnings
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), warnings
        except UnicodeDecodeError as exc:
            raise InputError(path, f"broken UTF-16 text ({exc.reason})") from exc
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16 without BOM shows as every other byte NUL.
        if head[1::2].count(0) > len(head) // 4:
            try:
                return data.decode("utf-16-le"), ["UTF-16 without byte-order mark"]
            except UnicodeDecodeError:
                pass
        raise InputError(path, "binary file, not text (found NUL bytes); expected .txt/.md/.html/.jsonl/.csv")
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError:
        pass
    declared = _declared_codec(head)
    if declared is not None:
        try:
            return data.decode(declared), warnings
        except (UnicodeDecodeError, LookupError):
            pass  # the bytes are not what the page says (or it names no text codec): the fall-back reads them
    if _arabic_codepage(data):
        warnings.append("not UTF-8; read as Windows-1256 (Arabic)")
        return data.decode("cp1256", errors="replace"), warnings
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    warnings.append("not UTF-8; read as Windows-1252/Latin-1")
    return text, warnings


_WORD_BYTES = re.compile(rb"[A-Za-z\x80-\xff]+")


def _arabic_codepage(data: bytes) -> bool:
    """Whether non-UTF-8 bytes are Arabic in Windows-1256 rather than a Western page.

    Arabic words are written all in high bytes; a French or German word with an
    accent keeps its other letters in ASCII ("café", "Größe").

    >>> _arabic_codepage("قصف على إدلب اليوم".encode("cp1256")), _arabic_codepage("Un café à Alep".encode("cp1252"))
    (True, False)
    """
    high_words = all_high = 0
    for m in _WORD_BYTES.finditer(data, 0, 65536):
        word = m.group()
        if max(word) < 0x80:
            continue
        high_words += 1
        all_high += len(word) >= 2 and min(word) >= 0x80
    if high_words < 3 or all_high < 0.6 * high_words:
        return False
    text = data[:65536].decode("cp1256", errors="replace")
    arabic = sum("\u0621" <= c <= "\u064a" for c in text)
    return arabic >= 0.6 * sum(ord(c) >= 0x80 for c in text)


#: ``<meta charset="windows-1256">`` or ``<meta http-equiv="Content-Type" content="text/html; charset=...">``.
_META_CHARSET = re.compile(rb"<meta\b[^>]{0,300}?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)
#: Labels browsers read as Windows-1252 (the WHATWG encoding standard), whatever Python calls them.
_AS_CP1252 = frozenset({"iso8859-1", "ascii", "cp1252"})


def _declared_codec(head: bytes) -> str | None:
    """The Python codec of the charset a page's ``<meta>`` declares, or ``None``.

    ``None`` too when the page declares none, names one Python does not know,
    or names UTF-8 or one browsers read as Windows-1252 (the fall-back reads those).

    >>> _declared_codec(b'<meta charset="windows-1256">'), _declared_codec(b"<meta charset=utf-8>")
    ('cp1256', None)
    >>> _declared_codec(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">')
    'iso8859-6'
    """
    m = _META_CHARSET.search(head)
    if m is None:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None
    return None if name in _AS_CP1252 or name.startswith("utf") else name
