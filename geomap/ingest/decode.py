"""Bytes to text: BOMs, UTF-16, Latin-1 fall-back, binary detection."""

from __future__ import annotations

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
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    warnings.append("not UTF-8; read as Windows-1252/Latin-1")
    return text, warnings
