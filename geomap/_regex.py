r"""Regular expressions with ``re``'s answers, found faster.

Event triggers, dates, casualty counts and boilerplate lines are found by
case-insensitive patterns, long alternations of words, tried on every
sentence or line: that was most of the time spent on an article.  Python's
regex engine is slow at exactly this: it skips an alternative on its first
character only when that character is matched case-sensitively, and a
pattern that starts with ``\b`` or a look-behind is tried at every position.
Three tools, each giving exactly the matches of the plain pattern:

- :class:`Folded` wraps one pattern.  A case-insensitive pattern runs
  case-sensitively on the lower-cased text (same length, same offsets; group
  texts come from the original).  Texts holding one of the characters that
  case-insensitive matching treats specially (``İ ı ſ K``) and patterns that
  cannot be folded (capitals, inline flags, non-ASCII letters) run as they
  are.  When the first characters of every match can be listed (the
  pattern's parse tree), a cheap scan for them picks the positions worth
  trying the pattern at.
- :class:`AnyOf` answers "does any of these patterns occur?" (boilerplate
  lines), keeping patterns anchored at the start apart from the others.
- :class:`WordScan` runs a list of patterns whose matches all start a word:
  each is wrapped as ``<separator>(<pattern>)``, consuming the character before
  the match (the text is searched with a space in front) instead of looking at
  it; one pass of the union of all patterns, behind a scan for their first
  letters, finds the separators where any can match, and each pattern is then
  tried only there.

WordScan's matches are exactly those of ``pattern.finditer(text)`` provided
every match of every pattern starts right after a ``separator`` character or
at the start of the text, and no match ends with a separator character (true
of patterns that start with ``\b`` and a word character and end with ``\b`` or
``(?!\w)``; use ``[^\w-]`` as the separator for a ``(?<![\w-])`` look-behind).
Patterns must not be anchored (``^``, ``\A``), use numbered back-references
or repeat group names across the list.  tests/test_regex_scan.py checks all
three against the plain patterns of the event modules.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from typing import Any

__all__ = ["AnyOf", "Folded", "WordScan"]

Hit = tuple[int, int, str, tuple[str | None, ...]]
Prefix = tuple[str, ...]

#: Characters that case-insensitive matching pairs with an ASCII letter, or that
#: lower-case to two characters (checked in tests/test_regex_scan.py).
CASE_SPECIAL = "\u0130\u0131\u017f\u212a"
_SPECIAL = re.compile(f"[{CASE_SPECIAL}]")
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]+[:)]")
_ESCAPE = re.compile(r"\\.", re.S)
_CODE_ESCAPE = re.compile(r"\\[xuUN0-7]")
_GROUP_NAME = re.compile(r"\(\?P(?:<[^>]*>|=[^)]*\))")


class WordScan:
    r"""Patterns whose matches all start a word, scanned together.

    Parameters
    ----------
    patterns
        Compiled patterns (their flags are kept; ``re.I``, ``re.M``, ``re.S`` and ``re.X`` only).
    separator
        A one-character class every match follows (``r"\W"``, ``r"[^\w-]"``).

    Examples
    --------
    >>> rxs = [re.compile(r"\bair ?strikes?\b", re.I), re.compile(r"\bshell(?:ing|ed)\b", re.I)]
    >>> scan = WordScan(rxs, separator=r"\W")
    >>> [[hit[:3] for hit in hits] for hits in scan.matches("Airstrikes, then shelling.")]
    [[(0, 10, 'Airstrikes')], [(17, 25, 'shelling')]]
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]], *, separator: str) -> None:
        self.patterns = list(patterns)
        self._separator = separator
        # Compiled on first use, so that importing stays quick.
        self._variants: dict[bool, _Compiled | None] = {}

    def _variant(self, fold: bool) -> _Compiled | None:
        if fold not in self._variants:
            ok = not fold or all(_foldable(p) for p in self.patterns)
            compiled = _Compiled(self.patterns, self._separator, fold=fold) if ok else None
            self._variants[fold] = compiled
        return self._variants[fold]

    def matches(self, text: str) -> list[list[Hit]]:
        """For each pattern, its ``finditer`` matches as ``(start, end, text, groups)``."""
        out: list[list[Hit]] = [[] for _p in self.patterns]
        for i, hits in self.found(text):
            out[i] = hits
        return out

    def found(self, text: str) -> list[tuple[int, list[Hit]]]:
        """The patterns that match, by index in the list, with their ``finditer`` matches."""
        folded = None if _SPECIAL.search(text) else self._variant(True)
        if folded is not None:
            return folded.found(text, text.lower())
        exact = self._variant(False)
        assert exact is not None
        return exact.found(text, text)


class _Compiled:
    def __init__(self, patterns: Sequence[re.Pattern[str]], separator: str, *, fold: bool) -> None:
        def flags(p: re.Pattern[str]) -> int:
            return p.flags & ~re.I if fold else p.flags

        self.rxs = [re.compile(f"{separator}({p.pattern})", flags(p)) for p in patterns]
        union = "|".join(f"(?{_inline_flags(flags(p))}:{p.pattern})" for p in patterns)
        # The first few letters any match can start with (as a trie) let the
        # engine pass over most separators without entering the alternation.
        heads: dict[int, set[Prefix]] = {}
        for p in patterns:
            found = _prefixes(p.pattern, flags(p))
            if found is None:
                heads = {}
                break
            heads.setdefault(flags(p), set()).update(found)
        tries = [f"(?{_inline_flags(f)}:{_trie(words)})" for f, words in heads.items()]
        head = f"(?={'|'.join(tries)})" if tries else ""
        self.any = re.compile(f"{separator}{head}(?=(?:{union}))")
        # Per pattern, the characters a match can start with (None: any); per character
        # met in a text, the patterns worth trying there (filled on first sight).
        self._firsts: list[re.Pattern[str] | None] = []
        for p in patterns:
            found = _prefixes(p.pattern, flags(p))
            if not found or any(len(x) == 0 for x in found):
                self._firsts.append(None)
            else:
                self._firsts.append(re.compile("(?:" + "|".join(sorted({x[0] for x in found})) + ")", flags(p)))
        self._by_char: dict[str, tuple[int, ...]] = {}

    def _candidates(self, ch: str) -> tuple[int, ...]:
        found = self._by_char.get(ch)
        if found is None:
            found = self._by_char[ch] = tuple(
                i for i, first in enumerate(self._firsts) if first is None or (ch and first.match(ch))
            )
        return found

    def found(self, text: str, searched: str) -> list[tuple[int, list[Hit]]]:
        padded = " " + searched
        out: dict[int, list[Hit]] = {}
        resume: dict[int, int] = {}
        rxs = self.rxs
        candidates = self._by_char
        for sep in self.any.finditer(padded):
            pos = sep.start()
            ch = padded[pos + 1 : pos + 2]  # the first character of any match here
            for i in candidates.get(ch) or self._candidates(ch):
                if pos < resume.get(i, 0):
                    continue
                m = rxs[i].match(padded, pos)
                if m is None:
                    continue
                resume[i] = m.end()
                (s, e), *groups = m.regs[1:]
                out.setdefault(i, []).append(
                    (
                        s - 1,
                        e - 1,
                        text[s - 1 : e - 1],
                        tuple(text[a - 1 : b - 1] if a >= 0 else None for a, b in groups),
                    )
                )
        return sorted(out.items())


class Folded:
    r"""A pattern with the same matches, found faster.

    A case-insensitive pattern runs case-sensitively on the lower-cased text
    (group texts come from the original text); patterns that cannot be folded
    (capitals, inline flags, non-ASCII letters) and texts holding
    :data:`CASE_SPECIAL` characters use the pattern as it is.  When the first
    characters of every match can be listed, a cheap scan for them finds the
    positions worth trying the pattern at.

    Examples
    --------
    >>> rx = Folded(re.compile(r"(?P<n>\d+) (?:killed|dead)", re.I))
    >>> rx.search("Five died, 12 KILLED.").group("n", 0)
    ('12', '12 KILLED')
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.original = pattern
        self.pattern = pattern.pattern
        self.flags = pattern.flags
        # (pattern, head scan) for the original and the folded text, made on first use.
        self._variants: dict[bool, tuple[re.Pattern[str], re.Pattern[str] | None] | None] = {}

    def _variant(self, fold: bool) -> tuple[re.Pattern[str], re.Pattern[str] | None] | None:
        if fold not in self._variants:
            rx: re.Pattern[str] | None = self.original
            if fold:
                ok = self.original.flags & re.I and _foldable(self.original)
                rx = re.compile(self.pattern, self.flags & ~re.I) if ok else None
            self._variants[fold] = None if rx is None else (rx, _head(rx))
        return self._variants[fold]

    @property
    def _cs(self) -> re.Pattern[str] | None:
        """The case-sensitive pattern run on lower-cased text, if the pattern folds."""
        folded = self._variant(True)
        return None if folded is None else folded[0]

    def _pick(self, text: str) -> tuple[re.Pattern[str], re.Pattern[str] | None, str, bool]:
        """Return the pattern, its head scan, the text to run them on and whether it is folded."""
        folded = None if _SPECIAL.search(text) else self._variant(True)
        if folded is not None:
            return folded[0], folded[1], text.lower(), True
        exact = self._variant(False)
        assert exact is not None
        return exact[0], exact[1], text, False

    @staticmethod
    def _scan(
        rx: re.Pattern[str], head: re.Pattern[str] | None, searched: str, pos: int, endpos: int
    ) -> Iterator[re.Match[str]]:
        if head is None:
            yield from rx.finditer(searched, pos, endpos)
            return
        resume = pos
        for cand in head.finditer(searched, pos, endpos):
            if cand.start() < resume:
                continue
            m = rx.match(searched, cand.start(), endpos)
            if m is not None:
                yield m
                resume = m.end()  # a match has at least one character (it has a head)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        """Like :meth:`re.Pattern.search`."""
        rx, head, searched, folded = self._pick(text)
        m = next(self._scan(rx, head, searched, pos, endpos), None)
        return _Match(m, text) if m is not None and folded else m

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        """Like :meth:`re.Pattern.match`."""
        rx, _head_rx, searched, folded = self._pick(text)
        m = rx.match(searched, pos, endpos)
        return _Match(m, text) if m is not None and folded else m

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[Any]:
        """Like :meth:`re.Pattern.finditer`."""
        rx, head, searched, folded = self._pick(text)
        for m in self._scan(rx, head, searched, pos, endpos):
            yield _Match(m, text) if folded else m

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        """Like :meth:`re.Pattern.sub` (a callable ``repl`` gets matches on the original text)."""
        rx, head, searched, folded = self._pick(text)
        if not folded or (isinstance(repl, str) and "\\" in repl):
            return self.original.sub(repl, text, count)
        out: list[str] = []
        last = 0
        for i, m in enumerate(self._scan(rx, head, searched, 0, sys.maxsize)):
            if count and i >= count:
                break
            out.append(text[last : m.start()])
            out.append(repl(_Match(m, text)) if callable(repl) else repl)
            last = m.end()
        out.append(text[last:])
        return "".join(out)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.original, name)


class AnyOf:
    r"""Whether any of several patterns occurs in a text (the case-foldable ones run folded).

    ``search`` returns a match of one of the patterns, or ``None`` when none
    occurs: use it for its truth value (which pattern's match comes back is
    not the one a single ``|``-joined pattern would give).

    Examples
    --------
    >>> note, caps = re.compile(r"^\s*note to readers", re.I), re.compile(r"(?-i:[A-Z]{3})\b", re.I)
    >>> rx = AnyOf([note, caps])
    >>> [bool(rx.search(t)) for t in ("NOTE TO READERS: ...", "the UN said", "un", "the USA")]
    [True, False, False, True]
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = list(patterns)
        self._parts: list[Folded] | None = None  # compiled on first use

    def _compile(self) -> list[Folded]:
        parts = []
        # Patterns anchored at the start apart from the others: mixed into one
        # alternation they would be tried at every position.
        anchored = [p for p in self.patterns if p.pattern.startswith("^") and not p.flags & re.M]
        floating = [p for p in self.patterns if p not in anchored]
        for group in (anchored, floating):
            folded = [p for p in group if p.flags & re.I and _foldable(p)]
            exact = [p for p in group if p not in folded]
            parts += [Folded(_union(ps)) for ps in (folded, exact) if ps]
        return parts

    def search(self, text: str) -> Any:
        """Return a match of one of the patterns in ``text``, or ``None``."""
        if self._parts is None:
            self._parts = self._compile()
        for part in self._parts:
            m = part.search(text)
            if m is not None:
                return m
        return None


def _union(patterns: Sequence[re.Pattern[str]]) -> re.Pattern[str]:
    """One pattern matching where any of ``patterns`` matches (flags kept per pattern)."""
    if len({p.flags for p in patterns}) == 1:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    return re.compile("|".join(f"(?{_inline_flags(p.flags)}:{p.pattern})" for p in patterns))


class _Match:
    """A match on the lower-cased text that reads its groups from the original text."""

    __slots__ = ("_m", "string")

    def __init__(self, m: re.Match[str], text: str) -> None:
        self._m = m
        self.string = text

    def group(self, *groups: int | str) -> Any:
        if len(groups) > 1:
            return tuple(self.group(g) for g in groups)
        a, b = self._m.span(*groups)
        return None if a < 0 else self.string[a:b]

    def __getitem__(self, g: int | str) -> str | None:
        return self.group(g)  # type: ignore[no-any-return]

    def groups(self, default: str | None = None) -> tuple[str | None, ...]:
        out = (self.group(i) for i in range(1, self._m.re.groups + 1))
        return tuple(default if g is None else g for g in out)

    def groupdict(self, default: str | None = None) -> dict[str, str | None]:
        out = {name: self.group(name) for name in self._m.re.groupindex}
        return {k: default if v is None else v for k, v in out.items()}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._m, name)  # start, end, span, pos, endpos, lastindex, lastgroup, re

    def __repr__(self) -> str:
        return f"<geomap match span={self._m.span()} match={self.group()!r}>"


def _prefixes(pattern: str, flags: int, *, size: int = 3, limit: int = 2000) -> set[Prefix] | None:
    r"""Return prefixes of up to ``size`` characters, one of which begins every match.

    A prefix is a tuple of one-character patterns (``"a"``, ``r"\d"``).
    ``None`` when they cannot be worked out: a match may be empty or start
    with a class too wide to list, or there would be more than ``limit``.
    Zero-width assertions are left out (that only adds prefixes).
    """
    import importlib

    try:  # the regex parser's private modules (sre_parse before Python 3.11)
        c: Any = importlib.import_module("re._constants")
        parser: Any = importlib.import_module("re._parser")
    except ImportError:
        c = importlib.import_module("sre_constants")
        parser = importlib.import_module("sre_parse")
    repeats = {c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)}
    categories = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_SPACE: r"\s"}
    # (prefix, open): open when the sub-pattern ended there and what follows
    # it may extend the prefix; closed when the prefix must stop there.
    Prefixes = set[tuple[Prefix, bool]]

    def join(heads: Prefixes, tail: Any, room: int) -> Prefixes:
        out: Prefixes = set()
        for text, is_open in heads:
            if not is_open or len(text) >= room:
                out.add((text, False))
                continue
            for more, more_open in tail(room - len(text)):
                out.add((text + more, more_open and len(text) + len(more) < room))
        if len(out) > limit:
            raise OverflowError
        return out

    def chars(op: Any, av: Any) -> list[str] | None:
        if op is c.LITERAL:
            return [re.escape(chr(av))]
        if op is c.CATEGORY and av in categories:
            return [categories[av]]
        if op is c.IN:
            found: list[str] = []
            for iop, iav in av:
                if iop is c.LITERAL:
                    found.append(re.escape(chr(iav)))
                elif iop is c.RANGE and iav[1] - iav[0] < 40:
                    found += [re.escape(chr(x)) for x in range(iav[0], iav[1] + 1)]
                elif iop is c.CATEGORY and iav in categories:
                    found.append(categories[iav])
                else:
                    return None
            return found
        return None

    def seq(items: Any, room: int) -> Prefixes:
        heads: Prefixes = {((), True)}
        for op, av in items:
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue
            heads = join(heads, lambda r, op=op, av=av: one(op, av, r), room)
            if not any(is_open for _t, is_open in heads):
                break
        return heads

    def one(op: Any, av: Any, room: int) -> Prefixes:
        found = chars(op, av)
        if found is not None:
            return {((ch,), room > 1) for ch in found}
        if op is c.SUBPATTERN and not (av[1] or av[2]):
            return seq(av[-1], room)
        if op is c.BRANCH:
            return set().union(*(seq(alt, room) for alt in av[1]))
        if op in repeats:
            low, high, item = av
            out: Prefixes = {((), True)} if low == 0 else set()
            heads: Prefixes = {((), True)}
            for n in range(1, min(high, room) + 1):
                heads = join(heads, lambda r: seq(item, r), room)
                out |= {(t, o) for t, o in heads if n >= low or not o}
            return out
        return {((), False)}  # anything else: the prefix stops here

    try:
        found = seq(parser.parse(pattern, flags), size)
    except (OverflowError, RecursionError, re.error):
        return None
    prefixes = {prefix for prefix, _open in found}
    return None if () in prefixes else prefixes


def _trie(words: set[Prefix]) -> str:
    """Return a pattern matching any of ``words``, branching one character at a time."""
    tree: dict[str, Any] = {}
    for w in sorted(words):
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        if "" in node:
            return ""  # a shorter word ends here: whatever follows is allowed
        alts = [ch + emit(child) for ch, child in node.items()]
        return alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"

    return emit(tree)


def _head(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """Return a pattern matching one character where ``pattern`` may start (from its prefixes).

    It consumes the first character only, so ``finditer`` reports every such
    position; ``None`` when the prefixes cannot be listed.
    """
    found = _prefixes(pattern.pattern, pattern.flags)
    if not found or any(len(p) == 0 for p in found):
        return None
    firsts: dict[str, set[Prefix]] = {}
    for p in found:
        firsts.setdefault(p[0], set()).add(p[1:])
    alts = []
    for first, rests in firsts.items():
        rest = "" if () in rests else _trie(rests)
        alts.append(f"{first}(?={rest})" if rest else first)
    return re.compile("|".join(alts), pattern.flags & (re.I | re.ASCII))


def _foldable(p: re.Pattern[str]) -> bool:
    """Whether ``p`` matches the lower-cased text case-sensitively as it matches the text."""
    if _INLINE_FLAGS.search(p.pattern) or _CODE_ESCAPE.search(p.pattern):
        return False
    bare = _GROUP_NAME.sub("", _ESCAPE.sub("", p.pattern))
    if any(not c.isascii() and c.lower() != c.upper() for c in bare):
        return False  # non-ASCII letters have case pairs str.lower() does not follow
    if p.flags & re.I:
        return bare == bare.lower()
    return bare == bare.lower() == bare.upper()


def _inline_flags(flags: int) -> str:
    """Return the scoped inline-flag letters of ``flags`` (``re.I | re.S`` gives ``"is"``)."""
    pairs = ((re.I, "i"), (re.M, "m"), (re.S, "s"), (re.X, "x"))
    letters = "".join(c for flag, c in pairs if flags & flag)
    return letters or "-i"
