"""Read articles from files and folders: .txt, .md, .html, .jsonl, .json and .csv.

:func:`read_articles` never stops at a bad file: each problem becomes an
:class:`~geomap.errors.InputError` in the returned list (naming the file and,
for JSONL/CSV, the line), and reading goes on with the rest.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from .._csv import OpenQuote, sniff_delimiter
from ..errors import InputError
from ..models import Article
from .clean import clean_text, split_hashtags, strip_markdown
from .decode import decode_bytes
from .feed import split_feed
from .html import parse_html
from .meta import banner_outlet, find_outlet, find_published, find_title

__all__ = ["ARTICLE_SUFFIXES", "article_from_text", "iter_input_files", "read_articles"]

logger = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson", ".json", ".csv")
#: Articles longer than this are skipped with a clear message (override per call).
MAX_ARTICLE_BYTES = 5_000_000
#: How an undated article's warning begins (``--reference-date`` rewrites the rest).
NO_DATE = "no publication date found"
#: How a post's warning says its header gave a day without a year (the pipeline replaces it).
POST_NO_YEAR = "its header gives a day with no year"
_TEXT_FIELDS = ("text", "body", "content", "article", "full_text")


def _size(n_bytes: float) -> str:
    """A size for a message: MB from 1 MB up, KB below, three significant digits ("0.5 KB")."""
    return f"{n_bytes / 1e6:.3g} MB" if n_bytes >= 1e6 else f"{n_bytes / 1e3:.3g} KB"


def expand_paths(
    paths: Iterable[str | Path],
    suffixes: Iterable[str],
    skip_names: Iterable[str] = (),
    *,
    skip_outputs: bool = False,
    name_others: bool = False,
) -> Iterator[Path]:
    """Expand folders (recursively, sorted) into their files with one of ``suffixes``; keep files as given.

    Hidden files and folders, and files named in ``skip_names`` (lower case), are left out of folders;
    with ``skip_outputs`` (reading articles), so are folders geomap wrote (their run.json says
    so).  With ``name_others``, the other files left out are named in a warning.
    """
    wanted = frozenset(suffixes)
    skip = frozenset(skip_names)
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = sorted(p.rglob("*"))
            # A folder geomap wrote (run.json beside events.*) holds its outputs, not articles:
            # "geomap run ." run twice must not read its own report back in.
            ours = {f.parent for f in files if skip_outputs and f.name == "run.json" and _is_output_folder(f.parent)}
            for d in sorted(ours):
                logger.warning("%s: left out: geomap's own output folder (it holds run.json)", d)
            not_read: list[str] = []
            for f in files:
                if any(part.startswith(".") for part in f.relative_to(p).parts) or any(
                    d == f or d in f.parents for d in ours
                ):
                    continue
                if f.is_symlink() and not f.exists():
                    not_read.append(f"{f.name} (broken link)")
                elif f.is_file() and f.suffix.lower() in wanted and f.name.lower() not in skip:
                    yield f
                elif f.is_file() and f.name.lower() not in skip and f.suffix.lower() not in _QUIET_SUFFIXES:
                    not_read.append(f.name)
            if not_read and name_others:  # a stray file is worth a word
                shown = ", ".join(not_read[:5]) + (f" and {len(not_read) - 5} more" if len(not_read) > 5 else "")
                logger.warning(
                    "%s: %d file(s) not read (not %s): %s", p, len(not_read), "/".join(sorted(wanted)), shown
                )
        else:
            yield p


#: Files a folder of scraped pages holds besides the pages: not worth a warning.
_QUIET_SUFFIXES = frozenset(
    {
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".webp",
        ".svg",
        ".ico",
        ".css",
        ".js",
        ".map",
        ".woff",
        ".woff2",
        ".ttf",
    }
)


def _is_output_folder(d: Path) -> bool:
    """Whether ``d`` is a folder geomap wrote: run.json saying so, beside events files."""
    if not any((d / n).exists() for n in ("events.geojson", "events.csv", "map.html")):
        return False
    try:
        head = (d / "run.json").read_text(encoding="utf-8", errors="replace")[:4000]
    except OSError:
        return False
    return '"geomap' in head or '"version"' in head


#: Files in a folder of articles that are none: its own notes.
_NOT_ARTICLES = ("readme.md", "expected.csv", "license.md")


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand folders (recursively, sorted) into article files; keep files as given."""
    return expand_paths(paths, ARTICLE_SUFFIXES, _NOT_ARTICLES, skip_outputs=True, name_others=True)


def files_or_problems(
    paths: Iterable[str | Path],
    suffixes: Sequence[str],
    skip_names: Iterable[str],
    errors: list[InputError],
    what: str,
    *,
    skip_outputs: bool = False,
) -> Iterator[Path]:
    """:func:`expand_paths`, with a problem for each folder that holds no ``what`` file.

    The problem says what the folder holds instead, or that it is empty; a folder's other
    files are named in a warning.
    Files of a kind geomap reads (articles given to ``join``, say) are named; others are
    counted by their suffix (".rtf files").
    """
    named = frozenset(suffixes) | frozenset(ARTICLE_SUFFIXES)
    for raw in paths:
        found = False
        for f in expand_paths([raw], suffixes, skip_names, skip_outputs=skip_outputs, name_others=True):
            found = True
            yield f
        if not found:
            others = sorted(
                {
                    f.name if f.suffix.lower() in named or not f.suffix else f"{f.suffix.lower()} files"
                    for f in Path(raw).rglob("*")
                    if f.is_file()
                }
            )
            seen = f"; it holds only {', '.join(others[:6])}" if others else "; it is empty"
            errors.append(InputError(raw, f"no {what} files in this folder ({', '.join(suffixes)}){seen}"))


#: A markdown file's first top-level heading is its title.
_MD_TITLE = re.compile(r"^[ \t]{0,3}#[ \t]+(\S.*?)[ \t#]*$", re.MULTILINE)
#: A page's front matter: YAML ("---", "key: value" lines, "---") or TOML ("+++", "key = value", "+++").
_FRONT_MATTER = re.compile(
    r"\A\ufeff?[ \t]*(?P<fence>---|\+\+\+)[ \t]*\r?\n(?P<body>.*?)\r?\n[ \t]*(?:(?P=fence)|\.\.\.)[ \t]*(?:\r?\n|\Z)",
    re.S,
)
_FIELD_LINE = re.compile(r"^[ \t]*([A-Za-z][A-Za-z _-]{1,20}?)[ \t]*[:=][ \t]*(.*?)[ \t]*$")
#: Header keys and the field each one fills.
_HEADER_KEYS = {
    "title": "title",
    "headline": "title",
    "date": "date",
    "published": "date",
    "pubdate": "date",
    "publication date": "date",
    "date published": "date",
    "source": "outlet",
    "outlet": "outlet",
    "publisher": "outlet",
    "site": "outlet",
    "url": "url",
    "link": "url",
    "canonical": "url",
    "author": "",
    "byline": "",
    "tags": "",
    "layout": "",
    "categories": "",
}


def header_fields(text: str) -> tuple[dict[str, str], str]:
    r"""The fields a page states at its top, and the text without them.

    Markdown front matter (``---`` … ``---``, or TOML's ``+++`` … ``+++``), or plain "Title: …", "Source: …",
    "URL: …", "Date: …" lines before the body.  A source that is a web address
    is the URL.

    Examples
    --------
    >>> header_fields("Title: Hama shelling\nSource: Hama Monitor\n\nShells hit Kafr Zita.")
    ({'title': 'Hama shelling', 'outlet': 'Hama Monitor'}, 'Shells hit Kafr Zita.')
    """
    front = _FRONT_MATTER.match(text)
    lines = front.group("body").split("\n") if front else text.lstrip("\ufeff").split("\n")
    fields: dict[str, str] = {}
    used = 0
    for i, line in enumerate(lines):
        m = _FIELD_LINE.match(line)
        key = " ".join(m.group(1).lower().replace("_", " ").replace("-", " ").split()) if m else ""
        if m is None or key not in _HEADER_KEYS:
            if front is None and not line.strip() and not fields and i == used:
                used = i + 1  # blank lines before the header
                continue
            if front is None:
                break
            continue
        used = i + 1
        field, value = _HEADER_KEYS[key], m.group(2).strip().strip("\"'")
        if field == "outlet" and re.match(r"https?://", value):
            field = "url"
        if field and value and field not in fields:
            fields[field] = value
    if front is not None:
        return fields, text[front.end() :]
    if not fields:
        return {}, text
    return fields, "\n".join(lines[used:]).lstrip("\n")


def article_from_text(
    text: str,
    *,
    id: str,
    kind: str = "txt",
    title: str = "",
    published: str | date | None = None,
    outlet: str = "",
    url: str = "",
    source_path: str = "",
    warnings: Sequence[str] = (),
) -> Article:
    """Build an :class:`Article` from raw page text: clean it and find its metadata.

    Examples
    --------
    >>> a = article_from_text("Shelling in Idlib\\n\\nBy South Front\\n\\nSouth Front 5 November 2018\\n\\n"
    ...                       "Shelling hit the town of Idlib on Monday.", id="a1")
    >>> a.title, a.published, a.outlet
    ('Shelling in Idlib', datetime.date(2018, 11, 5), 'South Front')
    """
    text, title, outlet, url, id, source_path = (_scrub(v) for v in (text, title, outlet, url, id, source_path))
    raw = text
    declared = published.isoformat() if isinstance(published, date) else (published or "")
    declared_date = _scrub(declared)
    if kind in ("txt", "md"):
        fields, text = header_fields(text)
        title = title or fields.get("title", "")
        outlet = outlet or fields.get("outlet", "")
        url = url or fields.get("url", "")
        declared_date = declared_date or fields.get("date", "")
    if kind == "html":
        doc = parse_html(text)
        title = title or doc.title
        declared_date = declared_date or doc.published
        outlet = outlet or doc.outlet
        url = url or doc.url
        text = doc.text
    elif kind == "md":
        heading = _MD_TITLE.search(text)
        title = title or (" ".join(strip_markdown(heading.group(1)).split()) if heading else "")
        text = strip_markdown(text)
    body = _INVISIBLE.sub("", clean_text(text))
    warns = list(warnings)
    pub = find_published(text, declared_date, warns)
    if declared_date and find_published("", declared_date) is None:
        used = f"; used the dateline's {pub.isoformat()}" if pub is not None else ""
        warns.append(f"publication date {declared_date!r} not understood{used}")
    if pub is None:
        warns.append(f"{NO_DATE}; dates without a year stay without one")
    elif pub > date.today() + timedelta(days=1):
        # Kept (the source says so), but a typo in the source or a mis-read date is likely.
        warns.append(f"publication date {pub.isoformat()} is in the future; relative dates are resolved against it")
    # Only the cleaned body: a line that cleaning removed (nav bar, tweet
    # header) is never the headline.
    title = " ".join(split_hashtags(_INVISIBLE.sub("", title or find_title(body, raw=text))).split())
    outlet = find_outlet(text, outlet) or banner_outlet(body)
    if not body.strip():
        warns.append("no article text after removing boilerplate")
    elif script := _foreign_script(body):
        # First among the text's own warnings: it explains the others (no date, no events).
        warns.insert(
            len(warnings),
            f"the text is mostly in {script} script; geomap reads reports in English, so its events may be missed",
        )
    return Article(
        id=id,
        title=title,
        text=body,
        published=pub,
        outlet=outlet,
        url=url,
        source_path=source_path,
        raw_text=raw,
        warnings=tuple(warns),
    )


_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")


def _foreign_script(text: str, sample: int = 3000) -> str:
    """The script most of ``text``'s letters are written in, when it is not the Latin alphabet; else "".

    >>> _foreign_script("قصف الطيران مدينة أريحا يوم الاثنين"), _foreign_script("Jets struck Ariha (أريحا) on Monday.")
    ('Arabic', '')
    """
    head = text[:sample]
    others = _OTHER_LETTER.findall(head)
    if len(others) < 20 or len(others) <= 2 * len(_LATIN_LETTER.findall(head)):
        return ""
    scripts = Counter(unicodedata.name(c, "OTHER").split()[0] for c in others)
    return scripts.most_common(1)[0][0].title()


_UNWRITABLE = re.compile("[\x00\ud800-\udfff]")
#: Characters a page carries that print as nothing and break names apart ("Id\u200blib"):
#: zero-width space, word joiner, byte-order mark, soft hyphen, direction marks and embeddings.
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069]")


def _scrub(value: str) -> str:
    """Drop NUL characters and replace lone surrogates (JSON escapes): no file can hold them."""
    if not _UNWRITABLE.search(value):
        return value
    return _UNWRITABLE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", value)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from exc
    if size == 0:
        raise InputError(path, "empty file")
    if size > max_bytes and path.suffix.lower() not in (".jsonl", ".ndjson", ".csv"):
        msg = (
            f"file is {_size(size)}; articles over {_size(max_bytes)} are "
            "skipped (raise the limit with --max-article-mb to read it)"
        )
        raise InputError(path, msg)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from exc


def _field(rec: dict[str, Any], *names: str) -> str:
    for n in names:
        v = rec.get(n)
        if v is not None and str(v).strip():
            return str(v)
    return ""


def _text_value(rec: dict[str, Any], path: Path, line: int) -> str:
    """The record's article text: a string, or a list of paragraph strings joined."""
    for n in _TEXT_FIELDS:
        v = rec.get(n)
        if isinstance(v, list) and all(isinstance(p, str) for p in v):
            v = "\n\n".join(p for p in v if p.strip())
        elif v is not None and not isinstance(v, str):
            kind = {bool: "true/false", int: "a number", float: "a number", dict: "an object"}.get(type(v), "a list")
            raise InputError(path, f"the record's {n!r} field is {kind}, not text; record skipped", line=line)
        if v and v.strip():
            return str(v)
    return ""


def _record_article(
    rec: dict[str, Any], path: Path, line: int, max_bytes: int, warnings: Sequence[str] = ()
) -> Article:
    lowered = {str(k).strip().lower(): v for k, v in rec.items() if k is not None}
    text = _text_value(lowered, path, line)
    if not text:
        present = [f for f in _TEXT_FIELDS if f in lowered]
        if present:
            msg = f"the record's {present[0]!r} field is empty; record skipped"
            raise InputError(path, msg, line=line)
        have = ", ".join(sorted(lowered)) or "none"
        raise InputError(path, f"record has no text field (expected 'text'; found: {have})", line=line)
    if len(text) > max_bytes:
        msg = (
            f"article text is {_size(len(text))}, over the {_size(max_bytes)} limit; "
            "record skipped (raise the limit with --max-article-mb)"
        )
        raise InputError(path, msg, line=line)
    aid = _field(lowered, "id", "article_id", "uid", "guid") or f"{path.name}:{line}"
    published = _field(lowered, "published", "date", "published_at", "pubdate", "event_date")
    kind = "html" if text.lstrip().startswith("<") and "</" in text else "txt"
    title = _field(lowered, "title", "headline")
    if kind == "txt":
        # A feed's text with its markup taken out but "&amp;", "&#39;" left in.
        text, title = _unescape_entities(text), _unescape_entities(title)
    return article_from_text(
        text,
        id=aid,
        kind=kind,
        title=title,
        published=published,
        outlet=_field(lowered, "outlet", "source", "site", "publisher"),
        url=_field(lowered, "url", "link"),
        source_path=f"{path}:{line}",
        warnings=warnings,
    )


_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _unescape_entities(text: str) -> str:
    """``text`` with its HTML character references read ("AT&T" and "a & b" stay as written)."""
    import html

    return html.unescape(text) if _ENTITY.search(text) else text


def _read_jsonl(path: Path, text: str, errors: list[InputError], max_bytes: int) -> Iterator[Article]:
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            # json says "Unterminated string starting at" and keeps the place apart.
            where = f"column {exc.colno}" if exc.msg.endswith(" at") else f"at column {exc.colno}"
            errors.append(InputError(path, f"broken JSON line: {exc.msg} {where}", line=lineno))
            continue
        if (a := _json_record(rec, path, lineno, errors, max_bytes)) is not None:
            yield a


#: Keys under which a JSON export keeps its list of articles ({"articles": [...]}).
_JSON_LIST_KEYS = ("articles", "items", "data", "results", "records", "posts", "entries")


def _read_json(path: Path, text: str, errors: list[InputError], max_bytes: int) -> Iterator[Article]:
    """Articles from a JSON export: an array of article objects, one object, or {"articles": [...]}.

    An array is Scrapy's default export.  Each record is named by the line its object starts on.
    """
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        if text.lstrip().startswith("{") and "\n{" in text.strip():
            yield from _read_jsonl(path, text, errors, max_bytes)  # JSON lines saved as .json
            return
        raise InputError(path, f"broken JSON: {exc.msg}", line=exc.lineno) from None
    start = len(text) - len(text.lstrip())  # where the document's first bracket is
    if isinstance(doc, dict):
        if doc.get("type") in ("FeatureCollection", "Feature"):
            msg = f"GeoJSON, not articles: pass it with --records {path.name} or use 'geomap join'"
            raise InputError(path, msg)
        key = next((k for k in _JSON_LIST_KEYS if isinstance(doc.get(k), list)), None)
        if key is None:
            items: list[tuple[int, Any]] = [(text.count("\n", 0, start) + 1, doc)]
        else:
            items = _keyed_array_items(text, key, doc[key])
    elif isinstance(doc, list):
        items = _json_array_items(text, start)
    else:
        raise InputError(path, f"expected a JSON array of article objects, got {type(doc).__name__}")
    records = [(line, rec) for line, rec in items if isinstance(rec, dict)]
    if not any(str(k).strip().lower() in _TEXT_FIELDS for _, rec in records for k in rec):
        # A folder's package.json or manifest: one word for the file, not one per item.
        raise InputError(path, f"holds no article records (JSON objects with a {' or '.join(_TEXT_FIELDS)} field)")
    for line, rec in items:
        if (a := _json_record(rec, path, line, errors, max_bytes)) is not None:
            yield a


def _json_record(rec: Any, path: Path, line: int, errors: list[InputError], max_bytes: int) -> Article | None:
    """The article of one JSON record, or ``None`` with the reason added to ``errors``."""
    if not isinstance(rec, dict):
        errors.append(InputError(path, f"expected a JSON object, got {type(rec).__name__}", line=line))
        return None
    try:
        return _record_article(rec, path, line, max_bytes)
    except InputError as exc:
        errors.append(exc)
        return None


def _keyed_array_items(text: str, key: str, values: list[Any]) -> list[tuple[int, Any]]:
    """``values``, the array under ``key``, each with the line it starts on in ``text``.

    The first place the key opens an array holding just these items (an earlier one may be
    nested deeper); if none does (an escaped key), the items are numbered in order.
    """
    for at in re.finditer(rf'"{re.escape(key)}"\s*:\s*\[', text):
        try:
            walked = _json_array_items(text, at.end() - 1)
        except ValueError:  # the key's name inside some string: no array starts there
            continue
        if [x for _, x in walked] == values:
            return walked
    return list(enumerate(values, 1))


def _json_array_items(text: str, at: int) -> list[tuple[int, Any]]:
    """The items of the JSON array whose ``[`` is at ``at``, each with the line it starts on."""
    decoder = json.JSONDecoder()
    items: list[tuple[int, Any]] = []
    pos, line, counted = at + 1, 1 + text.count("\n", 0, at + 1), at + 1
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            return items
        line += text.count("\n", counted, pos)
        counted = pos
        value, pos = decoder.raw_decode(text, pos)
        items.append((line, value))


def _lines_from(text: str, lineno: int) -> str:
    """The text from line ``lineno`` (1-based) to the end."""
    pos = 0
    for _ in range(lineno - 1):
        pos = text.find("\n", pos) + 1
        if pos == 0:
            return ""
    return text[pos:]


def _read_csv(
    path: Path, text: str, errors: list[InputError], max_bytes: int, *, line_offset: int = 0
) -> Iterator[Article]:
    csv.field_size_limit(max(max_bytes, 1 << 20))
    header = text.split("\n", 1)[0]
    delimiter = sniff_delimiter(header)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    fields = [str(f or "").strip().lower() for f in reader.fieldnames or []]
    open_quote = OpenQuote(text)
    if not any(f in fields for f in _TEXT_FIELDS):
        msg = (
            f"CSV has no 'text' column (columns: {', '.join(fields) or 'none'}); expected "
            f"id,title,text[,published,url,outlet], the text column named {', '.join(_TEXT_FIELDS[:-1])} "
            f"or {_TEXT_FIELDS[-1]}"
        )
        from .._records import detect_format

        if detect_format(fields) != "plain":
            # An ACLED, UCDP or geomap export: event records, not articles.
            msg += f"; it looks like event records: pass it with --records {path.name} or use 'geomap join'"
        raise InputError(path, msg)
    try:
        start = reader.line_num + 1
        for rec in reader:
            # the line the record starts on (a quoted cell may span lines)
            lineno, start = start, reader.line_num + 1
            if (
                open_quote.runs_off(lineno, reader.line_num)
                and _lines_from(text, lineno).count('"') % 2 == 1  # the open quote is in this row
            ) or open_quote.swallows(lineno, reader.line_num, delimiter):
                msg = (
                    f"a quoted cell opened in the row on line {lineno + line_offset} is never closed; "
                    "that row was skipped and the lines after it read again"
                )
                errors.append(InputError(path, msg, line=lineno + line_offset))
                # The rows after the broken one, under the same header, as if it were not there.
                rest = _lines_from(text, lineno + 1)
                if rest.strip():
                    yield from _read_csv(
                        path, f"{header}\n{rest}", errors, max_bytes, line_offset=line_offset + lineno - 1
                    )
                return
            if None in rec:
                errors.append(
                    InputError(
                        path,
                        f"row has {len(fields) + len(rec[None])} fields, header has {len(fields)}; extra fields ignored",
                        line=lineno + line_offset,
                    )
                )
                rec.pop(None)
            missing = [k for k, v in rec.items() if v is None]
            short = (
                f"row has {len(fields) - len(missing)} fields, header has {len(fields)}"
                f" (no {', '.join(repr(str(k)) for k in missing)})"
                if missing
                else ""
            )
            if short and not _field(rec, *(k for k in rec if str(k).strip().lower() in _TEXT_FIELDS)):
                errors.append(InputError(path, f"{short}; row skipped", line=lineno + line_offset))
                continue
            try:
                yield _record_article(rec, path, lineno + line_offset, max_bytes, (short,) if short else ())
            except InputError as exc:
                errors.append(exc)
    except csv.Error as exc:
        errors.append(InputError(path, f"malformed CSV ({exc})", line=reader.line_num + line_offset))


def read_file(path: Path, errors: list[InputError], *, max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Article]:
    """Articles from one file; problems are appended to ``errors``."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise InputError(path, "no such file or folder")
    if suffix not in ARTICLE_SUFFIXES:
        raise InputError(
            path, f"unsupported file type {suffix or '(none)'}; expected one of {', '.join(ARTICLE_SUFFIXES)}"
        )
    data = _read_bytes(path, max_bytes)
    text, warns = decode_bytes(data, path)
    if not text.strip():
        raise InputError(path, "file holds only white space")
    if suffix in (".jsonl", ".ndjson"):
        yield from _read_jsonl(path, text, errors, max_bytes)
        return
    if suffix == ".json":
        yield from _read_json(path, text, errors, max_bytes)
        return
    if suffix == ".csv":
        yield from _read_csv(path, text, errors, max_bytes)
        return
    kind = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}.get(suffix, "txt")
    if kind == "txt" and text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")):
        kind = "html"
    posts = split_feed(text) if kind != "html" else []
    if posts:
        # A pasted feed: each post is a report of its own, with its own day and account.
        for n, post in enumerate(posts, 1):
            post_warns = list(warns)
            if post.month_day:
                post_warns.append(
                    f"post {n} ({post.name}): {POST_NO_YEAR} ({post.month_day}); "
                    "its events keep that day and month, year unknown (--reference-date supplies one)"
                )
            elif post.published is None:
                post_warns.append(f"post {n} ({post.name}): its header gives no day with a year")
            art = article_from_text(
                post.text,
                id=f"{path.name}#{n}",
                kind=kind,
                # "11/12/2018" as written: the text's months, or a warning, settle which day it is.
                published=post.written or post.published,
                outlet=post.name,
                source_path=str(path),
                warnings=post_warns,
            )
            if art.published is None and post.month_day:
                # The post's own warning says it: no second "no publication date found".
                kept = tuple(w for w in art.warnings if not w.startswith(NO_DATE))
                art = replace(art, published_day=post.month_day, warnings=kept)
            yield art
        return
    yield article_from_text(text, id=path.name, kind=kind, source_path=str(path), warnings=warns)


def _record_place(source_path: str) -> tuple[str, int | None]:
    """The file and line an export's record was read from ("export.jsonl:4"); a page's file alone, no line.

    >>> _record_place("in/export.jsonl:4"), _record_place("in/page.txt")
    (('in/export.jsonl', 4), ('in/page.txt', None))
    """
    path, _, line = source_path.rpartition(":")
    if line.isdigit() and Path(path).suffix.lower() in (".jsonl", ".ndjson", ".csv"):
        return path, int(line)
    return source_path, None


def _line_words(path: str, line: int | None) -> str:
    """A record's line as a message says it: "line 4" (JSONL), "the row on line 4" (CSV); "" for no line."""
    if line is None:
        return ""
    return f"the row on line {line}" if Path(path).suffix.lower() == ".csv" else f"line {line}"


def _unused_id(wanted: str, seen: dict[str, tuple[str, str]]) -> str:
    out, n = wanted, 1
    while out in seen:
        n += 1
        out = f"{wanted}#{n}"
    return out


def read_articles(
    paths: Iterable[str | Path], *, max_article_bytes: int = MAX_ARTICLE_BYTES
) -> tuple[list[Article], list[InputError]]:
    """Read every article under ``paths``.

    Returns
    -------
    The articles, in input order (folders sorted), and the problems met
    (each an :class:`~geomap.errors.InputError` naming its file and line).

    Examples
    --------
    >>> arts, errs = read_articles(["no/such/file.txt"])
    >>> arts, [str(e) for e in errs]
    ([], ['no/such/file.txt: no such file or folder'])
    """
    articles: list[Article] = []
    errors: list[InputError] = []
    seen: dict[str, tuple[str, str]] = {}  # id -> (where it was read, text)
    for path in files_or_problems(paths, ARTICLE_SUFFIXES, _NOT_ARTICLES, errors, "article", skip_outputs=True):
        try:
            for art in read_file(path, errors, max_bytes=max_article_bytes):
                first = seen.get(art.id)
                if first is not None and first[1] == art.text:
                    # Both copies' lines: "x.jsonl:4: article id 'a1' on line 4 repeats ... x.jsonl:1 (line 1)".
                    _, line = _record_place(str(art.source_path))
                    here = _line_words(str(path), line)
                    there = _line_words(*_record_place(first[0]))
                    at = f" {'in' if here.startswith('the') else 'on'} {here}" if here else ""
                    before = f" ({there})" if there else ""
                    msg = f"article id {art.id!r}{at} repeats the article read from {first[0]}{before}; later copy skipped"
                    errors.append(InputError(path, msg, line=line))
                    continue
                if first is not None:
                    # Exports that each number their rows 1..N: another article under the same id.
                    new_id = _unused_id(f"{Path(path).name}:{art.id}", seen)
                    note = f"article id {art.id!r} is also used in {first[0]} for another text; this one is {new_id!r}"
                    art = replace(art, id=new_id, warnings=(*art.warnings, note))
                seen[art.id] = (str(art.source_path or path), art.text)
                articles.append(art)
        except InputError as exc:
            errors.append(exc)
    return articles, errors
