"""Word tokens of running text with their character spans, and the key string matched against the gazetteer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ..gazetteer.names import ARTICLES, token_key

__all__ = ["KeyText", "Token", "key_text", "tokenize"]

_WORD = re.compile(r"[^\W_]+(?:['’‘`ʿʾ][^\W_]+)*", re.UNICODE)
_DASHES = "-‐‑‒–—"
_SPACED_ARTICLES = frozenset({"az", "ash", "ad", "ar", "ath", "adh", "es", "ez", "esh", "ed", "er", "el", "al"})


class Token(NamedTuple):
    """One word: its span in the text and its gazetteer key ('' for a dropped article).

    (A named tuple: one is built for every word of every article, at a third
    of the cost of a frozen dataclass.)
    """

    start: int
    end: int
    text: str
    key: str
    article: bool


def tokenize(text: str) -> list[Token]:
    """Split text into word tokens, marking Arabic article prefixes ("al-", "ash-").

    Examples
    --------
    >>> [(t.text, t.key, t.article) for t in tokenize("al-Tanf and Deir ez-Zor")]
    [('al', '', True), ('Tanf', 'tanf', False), ('and', 'and', False), ('Deir', 'dir', False), ('ez', '', True), ('Zor', 'zur', False)]
    """
    matches = list(_WORD.finditer(text))
    out: list[Token] = []
    for i, m in enumerate(matches):
        word = m.group()
        low = word.lower()
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        is_article = False
        if low in ARTICLES and nxt is not None:
            gap = text[m.end() : nxt.start()]
            if gap and all(c in _DASHES for c in gap):
                is_article = True
            elif low in ("al", "el") and gap.strip() == "" and len(gap) <= 2:
                is_article = True
            elif (
                low in _SPACED_ARTICLES
                and word.islower()
                and gap.strip() == ""
                and i > 0
                and matches[i - 1].group()[:1].isupper()
                and nxt.group()[:1].isupper()
            ):
                # "Dayr az Zawr", "Jisr ash Shughur": an article between two parts of a name.
                is_article = True
        out.append(Token(m.start(), m.end(), word, "" if is_article else token_key(word), is_article))
    return out


@dataclass(frozen=True, slots=True)
class KeyText:
    """The text as space-joined keys, with a map back to token indices.

    Tokens separated by punctuation (other than hyphens) get a ``|`` between
    them so no name matches across a comma or full stop.
    """

    string: str
    pos_to_token: dict[int, int]


def key_text(text: str, tokens: list[Token]) -> KeyText:
    """Build the key string for ``tokens``."""
    parts: list[str] = [" "]
    length = 1
    pos: dict[int, int] = {}
    prev_end: int | None = None
    prev = -1
    for i, t in enumerate(tokens):
        if not t.key:
            continue
        if prev_end is not None:
            gap = text[prev_end : t.start]
            if gap != " ":  # one space, the common case, has nothing to cut
                # Only the tokens between the two keyed ones can be articles in the gap.
                gap = _gap_without_articles(text, tokens[prev + 1 : i], prev_end, t.start)
            if gap.strip(" \t" + _DASHES + "'’"):
                parts.append("| ")
                length += 2
        pos[length] = i
        parts.append(t.key)
        parts.append(" ")
        length += len(t.key) + 1
        prev_end = t.end
        prev = i
    return KeyText("".join(parts), pos)


def _gap_without_articles(text: str, tokens: list[Token], start: int, end: int) -> str:
    """The text between two keyed tokens, with article tokens (" ez-") cut out."""
    gap = text[start:end]
    if not any(c.isalpha() for c in gap):
        return gap
    out = []
    cursor = start
    for t in tokens:
        if t.start >= start and t.end <= end and t.article:
            out.append(text[cursor : t.start])
            cursor = t.end
    out.append(text[cursor:end])
    return "".join(out)
