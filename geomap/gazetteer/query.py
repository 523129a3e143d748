"""Turn a place string from another dataset into gazetteer queries.

Place columns of event datasets hold more than a name: "Hajin town",
"Idlib governorate", "Northern Hama governorate", "Abu Rasin/Zarkan town",
"Jabal Bishri mountain (Deir Ezzor)".  :func:`place_queries` splits such a
string into the names worth looking up, most literal first, each with the
kind its kind word suggests and the governorate named in brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .admin import governorate_keys
from .names import PLACE_KIND_WORDS, name_keys, split_place_kind

__all__ = ["PlaceQuery", "governorate_in", "place_queries"]

_QUALIFIERS = re.compile(
    r"^(?:northern|southern|eastern|western|central|north|south|east|west|north-?eastern|"
    r"north-?western|south-?eastern|south-?western|rural|greater|upper|lower|outskirts of|"
    r"countryside of|the)\s+",
    re.I,
)
_DIRECTIONS = {
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "central",
}
#: The Arabic words a translated qualifier stands for, written after the name.
_ARABIC_QUALIFIERS: dict[str, tuple[str, ...]] = {
    "northern": ("al-Shamaliyah", "Shamali"),
    "north": ("al-Shamaliyah", "Shamali"),
    "southern": ("al-Janubiyah", "Janubi"),
    "south": ("al-Janubiyah", "Janubi"),
    "eastern": ("al-Sharqiyah", "Sharqi"),
    "east": ("al-Sharqiyah", "Sharqi"),
    "western": ("al-Gharbiyah", "Gharbi"),
    "west": ("al-Gharbiyah", "Gharbi"),
    "upper": ("Fawqani", "al-Fawqa"),
    "lower": ("Tahtani", "al-Tahta"),
    "greater": ("al-Kabirah", "Kabir"),
}
_BRACKETS = re.compile(r"\s*[(\[]([^)\]]*)[)\]]\s*")
_ALTERNATIVES = re.compile(r"\s*(?:/|\bor\b|;)\s*", re.I)
_GOV_KEYS: dict[str, str] = dict(governorate_keys())
for _w in ("governorate", "province", "countryside"):
    for _k in list(_GOV_KEYS):
        _GOV_KEYS.setdefault(f"{_k} {next(iter(name_keys(_w)))}", _GOV_KEYS[_k])


@dataclass(frozen=True, slots=True)
class PlaceQuery:
    """One name to look up: its suggested ``kind`` and a governorate ``admin1`` hint."""

    name: str
    kind: str = ""
    kind_word: str = ""
    admin1: str = ""
    #: A leading direction dropped from the name ("northern"), for areas' parts.
    qualifier: str = ""


def governorate_in(text: str) -> str:
    """Return the governorate ``text`` names ("Deir Ezzor", "Idleb province"), else ``""``.

    Examples
    --------
    >>> governorate_in("Deir Ezzor"), governorate_in("Raqqa governorate"), governorate_in("Hajin")
    ('Deir ez-Zor', 'Ar-Raqqah', '')
    """
    for key in name_keys(text):
        if key in _GOV_KEYS:
            return _GOV_KEYS[key]
    return ""


def place_queries(text: str) -> list[PlaceQuery]:
    """List the names in a place string worth looking up, most literal first.

    - brackets naming a governorate become the ``admin1`` hint, other brackets
      an extra name;
    - ``/``, ``;`` and "or" separate alternative names;
    - each name is tried as written, then without its trailing kind word
      ("Damascus International airport" before "Damascus International"),
      then without a leading qualifier ("Northern Hama" -> "Hama").

    Examples
    --------
    >>> [(q.name, q.kind) for q in place_queries("Abu Rasin/Zarkan town")]
    [('Abu Rasin', 'town'), ('Zarkan town', 'town'), ('Zarkan', 'town')]
    >>> [(q.name, q.kind, q.admin1) for q in place_queries("Northern Hama governorate")][-1]
    ('Hama', 'governorate', '')
    >>> place_queries("Jabal Bishri mountain (Deir Ezzor)")[0].admin1
    'Deir ez-Zor'
    >>> [q.name for q in place_queries("Jazal oil fields")]
    ['Jazal oil fields', 'Jazal oil field', 'Jazal']
    """
    text = " ".join((text or "").split())
    admin1 = ""
    extra: list[str] = []
    for inner in _BRACKETS.findall(text):
        gov = governorate_in(inner)
        if gov:
            admin1 = admin1 or gov
        elif inner.strip():
            extra.append(inner.strip())
    text = _BRACKETS.sub(" ", text).strip()
    parts = [p for p in _ALTERNATIVES.split(text) if p.strip()] + extra
    # A kind word written once after the last alternative ("A/B town") serves them all.
    _last_name, shared_kind = split_place_kind(parts[-1]) if parts else ("", "")
    out: list[PlaceQuery] = []
    seen: set[str] = set()

    def add(name: str, kind_word: str, qualifier: str = "") -> None:
        name = name.strip(" ,.-")
        if not name or name.lower() in seen or not name_keys(name):
            return
        seen.add(name.lower())
        out.append(PlaceQuery(name, PLACE_KIND_WORDS.get(kind_word, ""), kind_word, admin1, qualifier))

    for part in parts:
        name, kind_word = split_place_kind(part)
        kind_word = kind_word or shared_kind
        add(part, kind_word)
        if kind_word.endswith("s") and not kind_word.endswith("ss"):
            add(f"{name} {kind_word[:-1]}", kind_word)  # "X oil fields" is listed as "X oil field"
        add(name, kind_word)
        dropped = [m.group().strip().lower() for m in [_QUALIFIERS.match(name)] if m]
        bare = _QUALIFIERS.sub("", name)
        while bare != name:
            name, bare = bare, _QUALIFIERS.sub("", bare)
        direction = next((d for d in dropped if d.removesuffix("ern") in _DIRECTIONS), "")
        if PLACE_KIND_WORDS.get(kind_word, "") not in ("governorate", "district", "subdistrict", "region"):
            # "Western Ghariyah village" is how a record translates al-Ghariyah al-Gharbiyah,
            # a village of its own; a governorate's "northern" is a part of it.
            for word in dropped:
                for arabic in _ARABIC_QUALIFIERS.get(word, ()):
                    add(f"{bare} {arabic}", kind_word)
        add(bare, kind_word, direction)
    return out
