"""Word tokens of running text with their character spans, and the key string matched against the gazetteer."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, product
from typing import NamedTuple, overload

from ..gazetteer.names import ARTICLES, token_key

__all__ = ["KeyText", "Token", "Tokens", "key_text", "tokenize"]

#: A word, with the apostrophes of transliteration inside it ("Ma'arrat", "Ra's"), but not
#: a possessive's ("Raqqa's" is "Raqqa" and "s").
_WORD = re.compile(
    r"[^\W_]+(?:['’‘`ʿʾ](?:(?![sS]\b)|(?<=\b[^\W_]['’‘`ʿʾ])|(?<=\b[^\W_]{2}['’‘`ʿʾ]))[^\W_]+)*", re.UNICODE
)
_WORD_SPLIT = re.compile("(" + _WORD.pattern + ")", re.UNICODE)  # split() keeps the words
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


_KEYS: dict[str, str] = {}  # word -> token_key(word): a plain dict is cheaper to ask than lru_cache
_KEYS_MAX = 400_000  # emptied when it grows past this: an archive of random words must not fill memory
# Every spelling .lower() sends into ARTICLES ("al", "Al", "AL", "aL"), so no word needs .lower().
_ARTICLE_FORMS = frozenset(
    "".join(c.upper() if bit else c for c, bit in zip(a, bits, strict=False))
    for a in ARTICLES
    for bits in product((False, True), repeat=len(a))
)
_GAP_OK = " \t" + _DASHES + "'’"


_new_token = tuple.__new__


class Tokens(Sequence[Token]):
    """The tokens of one text, built on demand from the pieces it was cut into.

    Recognition looks at a few dozen of an article's hundreds of words, so the
    :class:`Token` tuples are made only when asked for.
    """

    __slots__ = ("articles", "ends", "flags", "gaps", "keys", "starts", "words")

    def __init__(
        self,
        starts: list[int],
        ends: list[int],
        words: list[str],
        keys: list[str],
        flags: list[bool],
        gaps: list[str],
        articles: list[int],
    ) -> None:
        self.starts, self.ends, self.words, self.keys, self.flags = starts, ends, words, keys, flags
        self.gaps = gaps  # gaps[i]: the text before word i; gaps[-1]: the text after the last word
        self.articles = articles  # indices of the article tokens

    def __len__(self) -> int:
        return len(self.words)

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...

    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return list(
                map(
                    Token._make,
                    zip(self.starts[i], self.ends[i], self.words[i], self.keys[i], self.flags[i], strict=True),
                )
            )
        return _new_token(Token, (self.starts[i], self.ends[i], self.words[i], self.keys[i], self.flags[i]))

    def __iter__(self) -> Iterator[Token]:
        return map(Token._make, zip(self.starts, self.ends, self.words, self.keys, self.flags, strict=True))


def tokenize(text: str) -> Tokens:
    """Split text into word tokens, marking Arabic article prefixes ("al-", "ash-").

    Examples
    --------
    >>> [(t.text, t.key, t.article) for t in tokenize("al-Tanf and Deir ez-Zor")]
    [('al', '', True), ('Tanf', 'tanf', False), ('and', 'and', False), ('Deir', 'dir', False), ('ez', '', True), ('Zor', 'zur', False)]
    """
    # One C-level split gives the words and the gaps between them; offsets come
    # from the running sum of their lengths.  Only article candidates get Python work.
    parts = _WORD_SPLIT.split(text)
    gaps = parts[0::2]
    words = parts[1::2]
    keys_cache = _KEYS
    if len(keys_cache) > _KEYS_MAX:
        keys_cache.clear()
    keys = [keys_cache.get(w) or keys_cache.setdefault(w, token_key(w)) for w in words]
    offsets = list(accumulate(map(len, parts)))
    starts = offsets[0:-1:2]  # the end of the gap before each word
    ends = offsets[1::2]
    n = len(words)
    flags = [False] * n
    article_idx: list[int] = []
    forms = _ARTICLE_FORMS
    for i in [i for i, w in enumerate(words) if w in forms]:
        if i + 1 >= n:
            continue
        word = words[i]
        low = word.lower()
        gap = gaps[i + 1]
        if (gap and all(c in _DASHES for c in gap)) or (low in ("al", "el") and gap.strip() == "" and len(gap) <= 2):
            pass
        elif (
            low in _SPACED_ARTICLES
            and word.islower()
            and gap.strip() == ""
            and i > 0
            and words[i - 1][:1].isupper()
            and words[i + 1][:1].isupper()
        ):
            pass  # "Dayr az Zawr", "Jisr ash Shughur": an article between two parts of a name.
        else:
            continue
        flags[i] = True
        keys[i] = ""
        article_idx.append(i)
    possessive = ("'s" in text or "’s" in text) and [i for i, w in enumerate(words) if w == "s"]
    for i in possessive or ():
        if i and gaps[i] in ("'", "’"):
            # A possessive's "s" drops out as an article does: "Damascus's international
            # airport" keys as "damascus international airport".
            keys[i] = ""
            article_idx.append(i)
    article_idx.sort()
    return Tokens(starts, ends, words, keys, flags, gaps, article_idx)


@dataclass(frozen=True, slots=True)
class KeyText:
    """The text as space-joined keys, with a map back to token indices.

    Tokens separated by punctuation (other than hyphens) get a ``|`` between
    them so no name matches across a comma or full stop.
    """

    string: str
    pos_to_token: dict[int, int]


def key_text(text: str, tokens: Sequence[Token]) -> KeyText:
    """Build the key string for ``tokens``."""
    if not isinstance(tokens, Tokens):
        return _key_text_slow(text, tokens)
    keys = tokens.keys
    gaps = tokens.gaps
    ok = _GAP_OK
    # A cut ("| ") before word i when the gap before it holds punctuation.
    cut = [g != " " and bool(g.strip(ok)) for g in gaps]
    articles = set(tokens.articles)
    for i in [i for i, k in enumerate(keys) if not k]:
        # An article drops out of the gap it sits in ("Deir ez-Zor"); any other unkeyed
        # word stays in it and cuts.  Either way the cut moves on to the next word.
        cut[i + 1] = cut[i + 1] or cut[i] or i not in articles
        cut[i] = False
    keyed = [i for i, k in enumerate(keys) if k]
    if keyed:
        cut[keyed[0]] = False  # nothing before the first key
    pieces = [("| " + keys[i] + " ") if cut[i] else (keys[i] + " ") for i in keyed]
    starts = list(accumulate(map(len, pieces), initial=1))
    pos = {starts[j] + (2 if cut[i] else 0): i for j, i in enumerate(keyed)}
    return KeyText(" " + "".join(pieces), pos)


def _key_text_slow(text: str, tokens: Sequence[Token]) -> KeyText:
    """:func:`key_text` for a hand-made token list."""
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


def _gap_without_articles(text: str, tokens: Sequence[Token], start: int, end: int) -> str:
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
