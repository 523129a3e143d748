"""Sentence and paragraph spans, aware of the abbreviations news text uses."""

from __future__ import annotations

import re

__all__ = ["FEED_ITEM", "split_sentences"]

_ABBREV = re.compile(
    r"(?:\b(?:U\.S|U\.K|U\.N|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Brig|Sgt|St|No|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|approx|e\.g|i\.e|al|Rep|Sen|Gov|Prof|Inc|Ltd|Co)\.|\b[A-Z]\.)$"
)
#: What starts a feed's next item on a new line: a bullet, an emoji, a hashtag.
_ITEM = r"[^\w\s,.;:!?)\]'’\"”(\[“-]"
_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+|\n\s*\n|\n(?=\s*[A-Z0-9\"“])|\n(?=[ \t]*" + _ITEM + ")")
_ITEM_AHEAD = re.compile(r"[ \t]*" + _ITEM)
#: A line (or sentence) that opens with a bullet or an emoji: a feed's item.
FEED_ITEM = re.compile(_ITEM)


def split_sentences(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, paragraph)`` for each sentence of ``text``.

    Examples
    --------
    >>> t = "U.S. jets struck Hajin. Five died.\\n\\nNew para."
    >>> [(t[s:e], p) for s, e, p in split_sentences(t)]
    [('U.S. jets struck Hajin.', 0), ('Five died.', 0), ('New para.', 1)]
    """
    out: list[tuple[int, int, int]] = []
    para = 0
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        chunk = text[start : m.start() + len(m.group().rstrip())]
        if _ABBREV.search(text[max(start, m.start() - 8) : m.start() + 1]) and "\n" not in m.group():
            continue
        if chunk.strip():
            s = start + (len(chunk) - len(chunk.lstrip()))
            out.append((s, start + len(chunk.rstrip()), para))
        if re.search(r"\n\s*\n", m.group()) or ("\n" in m.group() and _ITEM_AHEAD.match(text, m.end())):
            para += 1  # a blank line, or a feed's next item ("📍 #Ariha: ...")
        start = end
    tail = text[start:]
    if tail.strip():
        s = start + (len(tail) - len(tail.lstrip()))
        out.append((s, start + len(tail.rstrip()), para))
    return out
