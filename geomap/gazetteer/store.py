"""The gazetteer: every layer merged into one name index, compiled once and cached.

Layers, in order (later layers may override or blacklist names of earlier ones):

1. ``geonames``: GeoNames cities500 for Syria and its neighbours plus world
   cities (``data/gazetteer/geonames_cities.txt``, built by
   ``scripts/build_gazetteer.py``) and any other bundled
   ``data/gazetteer/geonames_*.txt`` extract (``scripts/build_geonames_region.py``
   writes the villages of Syria and its neighbours there); then ``imported``:
   the dumps and place lists imported into ``data/gazetteer/imported/``.
2. ``admin``: the 14 governorates (names with "province", "governorate",
   "countryside"...), placed at their capitals; polygons give every point its
   admin1.
3. ``curated``: the team's conflict places (``data/gazetteer/curated.csv``).
4. ``patch``: user patch files given with ``--gazetteer``.
"""

from __future__ import annotations

import hashlib
import logging
import operator
import os
import pickle
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .._data import cache_dir, data_dir, prune_cache, touch
from ..errors import GazetteerError
from ..models import Place
from ._stopwords import ENGLISH, PEOPLE
from .admin import DIRECTIONS, GOVERNORATES, NEIGHBOURS, AdminIndex, direction_word, misplaced
from .layers import read_curated, read_geonames, read_patch, read_place_csv
from .names import fold, loose_keys, name_keys, token_key, written_keys

__all__ = ["Gazetteer", "load_gazetteer"]

logger = logging.getLogger(__name__)

_CACHE_VERSION = "11"
REGION = frozenset({"SY", "IQ", "TR", "LB", "JO", "IL", "PS"})
_GOVERNORATE_WORDS = ("province", "governorate", "countryside", "region", "provinces", "gov")
#: Words that look like names but are not places when capitalised in text.
_STOP_KEYS = frozenset(
    name_key
    for word in (
        "The A An And Of In On At As By For From To With Without But Or Not No Yes This That These "
        "Those It Its He She They We You I His Her Their Our Is Are Was Were Be Been Has Have Had "
        "Do Did Will Would Can Could May Might Must Should Shall Also Then Than There Here When "
        "Where While After Before Since Until During About Over Under Between Among Against Near "
        "North South East West Northern Southern Eastern Western Central Upper Lower New Old Great "
        "January February March April June July August September October November December "
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Yesterday Tomorrow "
        "Mr Mrs Ms Dr General President Minister Prime Army Forces Force Police Government "
        "Video Photo Image Report Reports News Media Press Agency Times Post Observatory Council "
        "Committee Ministry Security Defence Defense Foreign Affairs State States United Nations "
        "Islamic Arab Syrian Russian Turkish Iranian Israeli Iraqi Kurdish American British French "
        "Lebanese Jordanian Free Front Liberation Democratic National Republican Popular Union "
        "Brigade Brigades Division Corps Battalion Regiment Movement Party Group Groups Legion "
        "Shield Lions Falcons Hawks Tigers Martyrs Knights Eagles Sword Swords Army Guard Guards "
        "Coalition Alliance Command Center Centre Operations Operation Room Unit Units Sham Jaysh "
        "Jaish Ahrar Tahrir Hayat Nusra Jabhat Faylaq Liwa Katibat Harakat Ansar Jund Hezbollah "
        "Daesh ISIS ISIL SDF YPG YPJ SAA FSA NFL HTS UN US USA UK EU NATO Twitter Facebook "
        "Sputnik Reuters AFP TASS SANA SOHR Amaq Baladi Masdar Sham FM TV Al Jazeera Global "
        "Research Front South Zero Hedge Christian Muslim Muslims Sunni Shia Shiite Alawite Druze "
        "Allah God Prophet Mosque Church Hospital School University Airport Airbase Base Camp "
        "Road Highway Bridge Dam Lake River Mountain Mount Valley Plain Desert Sea Gulf Bay Island "
        "Some Many Most More Several Both Each Every All Any Other Another Such Only Just Even Yet "
        "Still Now Later Early Last Next First Second Third One Two Three Four Five Six Ten Hundred "
        "According Meanwhile However Furthermore Moreover Therefore Thus Hence Although Though "
        "Sign Subscribe Share Comment Like Retweet Reply Follow Load More Read Click Donate Home "
        "Contact Privacy Terms Copyright Disclaimer Note Readers Member Articles Theme Region "
        "Tags Category Menu Search Login Register Cookie Cookies Accept Close Open Top Back Up "
        "Love Meet Singles Persian Dating Today Now Live Breaking Update Updated Watch Listen "
        "Man Men Woman Women Child Children People Person Family Families Day Days Week Weeks "
        "Month Months Year Years Time Times Morning Evening Night Afternoon Noon Midnight Dawn "
        "Rocket Rockets Missile Missiles Mortar Mortars Drone Drones Jet Jets Tank Tanks Car Cars "
        "Bomb Bombs Truck Trucks Convoy Fire Attack Attacks Strike Strikes Clash Clashes War Peace "
        "Deal Agreement Talks Summit Meeting Conference Statement Crisis Zone Area Areas Town City "
        "Village Villages Province Governorate District Countryside Border Crossing Syria Iraq"
    ).split()
    for name_key in name_keys(word)
) - {"syria", "iraq", "sirya", "irak"}
_STOP_KEYS = _STOP_KEYS | {k for w in ENGLISH for k in name_keys(w)}
_PEOPLE_KEYS = frozenset(k for w in PEOPLE for k in name_keys(w))


@dataclass
class Gazetteer:
    """All places and the index from name keys to them.

    Use :func:`load_gazetteer` to build one; the same object serves every
    article of a run.  ``keys`` maps a name key (see
    :func:`geomap.gazetteer.names.name_keys`) to indices into ``places``.
    """

    places: list[Place]
    keys: dict[str, list[int]]
    layers: dict[str, dict[str, Any]] = field(default_factory=dict)
    admin_path: Path | None = None
    spellings: dict[str, list[int]] = field(default_factory=dict)
    strict_keys: set[str] = field(default_factory=set)
    #: Strict keys that are also people's names ("Mazlum"): never before a capitalised word.
    people_keys: set[str] = field(default_factory=set)
    #: Looser keys (no "Tell"/"Khirbat" prefix, no "ash Shamaliyah"...) for look-ups only.
    loose: dict[str, list[int]] = field(default_factory=dict)
    #: A point in each governorate's northern, south-eastern... part, by "Hama|northwest".
    parts: dict[str, tuple[float, float]] = field(default_factory=dict)
    #: Keys (as written, see :func:`~geomap.gazetteer.names.written_keys`) of names a patch file
    #: blacklisted: never a place, not even as a near-miss.
    blocked: frozenset[str] = frozenset()
    _automaton: Any = field(default=None, repr=False)
    _admin: AdminIndex | None = field(default=None, repr=False)

    # -- lookups -----------------------------------------------------------
    def part(self, governorate: str, direction: str) -> tuple[float, float] | None:
        """A point in a governorate's named part ("northern", "south-east"...), precomputed.

        >>> gaz = load_gazetteer()
        >>> gaz.part("Idlib", "southern")[0] < gaz.part("Idlib", "northern")[0]
        True
        """
        return self.parts.get(f"{governorate}|{direction_word(direction)}")

    def lookup_key(self, key: str) -> list[Place]:
        """Places whose names have this key."""
        return [self.places[i] for i in self.keys.get(key, ())]

    def search(self, name: str, *, country: str | None = None, limit: int = 10) -> list[Place]:
        """Places matching ``name`` exactly (by key), else near-misses; best first.

        Examples
        --------
        >>> gaz = load_gazetteer()
        >>> gaz.search("Dayr az Zawr")[0].admin1
        'Deir ez-Zor'
        """
        if self.is_blocked(name):
            return []
        found: dict[str, Place] = {}
        for key in name_keys(name):
            for p in self.lookup_key(key):
                found.setdefault(p.id, p)
        if not found:
            # "Mardikh" for "Tell Mardikh", "Baghuz Tahtani" for "al-Baghuz".
            for p in self.loose_matches(name):
                found.setdefault(p.id, p)
        if not found:
            # Near-misses: in Syria's region only (a misspelt village is not a world
            # city), and only those about as close as the closest.
            # A border is named by both its sides: "Syrian border" is not a near-miss of
            # "Syrian-Iraqi border"; "Syrain-Turkish border" is.
            hits = [
                (p, s)
                for p, s in self.fuzzy(name, limit=limit * 3)
                if p.country in REGION and (p.kind != "border" or s >= 92)
            ]
            top = max((s for _p, s in hits), default=0.0)
            for p, s in hits:
                if s >= top - 3.0:
                    found.setdefault(p.id, p)
        out = [p for p in found.values() if country is None or p.country == country.upper()]
        out.sort(key=_prior, reverse=True)
        return out[:limit]

    def loose_matches(self, name: str) -> list[Place]:
        """Places whose names match ``name`` once prefixes and qualifiers are dropped.

        See :func:`geomap.gazetteer.names.loose_keys`; for look-ups of bare
        names, never for running text.
        """
        idxs: dict[int, None] = {}
        if self.is_blocked(name):
            return []
        for key in name_keys(name):
            idxs.update(dict.fromkeys(self.loose.get(key, ())))
        for key in loose_keys(name):
            idxs.update(dict.fromkeys(self.keys.get(key, ())))
            idxs.update(dict.fromkeys(self.loose.get(key, ())))
        return [self.places[i] for i in idxs]

    def fuzzy(self, name: str, *, limit: int = 5, cutoff: float = 85.0) -> list[tuple[Place, float]]:
        """Near-miss matches for a misspelt name, scored 0-100 by rapidfuzz."""
        if self.is_blocked(name):
            return []
        memo: dict[tuple[str, int, float], list[tuple[Place, float]]] = self.__dict__.setdefault("_fuzzy_memo", {})
        found = memo.get((name, limit, cutoff))
        if found is None:
            found = memo[(name, limit, cutoff)] = self._fuzzy(name, limit=limit, cutoff=cutoff)
        return list(found)

    def _fuzzy(self, name: str, *, limit: int, cutoff: float) -> list[tuple[Place, float]]:
        from rapidfuzz import fuzz, process

        best: dict[str, tuple[Place, float]] = {}
        for key in name_keys(name):
            pool = self._fuzzy_pool(key, cutoff)
            hits = process.extract(key, pool, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit * 4)
            for k, raw_score, _ in hits:
                score = _near_miss(key, k, float(raw_score))
                score = min(score, _without_article_ratio(key, k))
                if score < cutoff:
                    continue
                for p in self.lookup_key(k):
                    if p.id not in best or best[p.id][1] < score:
                        best[p.id] = (p, score)
        out = sorted(best.values(), key=lambda ps: (-ps[1], ps[0].id))
        return out[:limit]

    def is_blocked(self, name: str) -> bool:
        """Whether a patch file blacklisted this name, as written ("Bab" blocks "Bab", not "al-Bab")."""
        return bool(self.blocked) and any(k in self.blocked for k in written_keys(name))

    def spelt_as(self, surface: str) -> set[str]:
        """Ids of the places that have exactly this spelling (diacritics and articles aside)."""
        return {self.places[i].id for i in self.spellings.get(_spelling(surface), ())}

    def _fuzzy_pool(self, key: str, cutoff: float = 0.0) -> list[str]:
        """Keys with ``key``'s first letter and a length within 3 of it, in index order.

        Lengths too far apart to reach a rapidfuzz ratio of ``cutoff`` are left
        out too (a ratio is at most ``200 * shorter / (len(a) + len(b))``).
        """
        index = self.__dict__.get("_by_initial")
        if index is None:
            # Built once per gazetteer: {first letter: {length: [(position, key)]}}, and
            # the pools asked for so far, by (first letter, length).
            index = {}
            for pos, k in enumerate(self.keys):
                if k not in self.blocked:  # no near miss points at a blacklisted name
                    index.setdefault(k[:1], {}).setdefault(len(k), []).append((pos, k))
            self.__dict__["_by_initial"] = index
            self.__dict__["_pools"] = {}
        pools: dict[tuple[str, tuple[int, ...]], list[str]] = self.__dict__["_pools"]
        n = len(key)
        sizes = tuple(
            size for size in range(max(1, n - 3), n + 4) if 200.0 * min(n, size) / (n + size) >= cutoff - 1e-6
        )
        pool = pools.get((key[:1], sizes))
        if pool is None:
            by_len = index.get(key[:1], {})
            found = [pk for size in sizes for pk in by_len.get(size, ())]
            found.sort()
            pool = pools[(key[:1], sizes)] = [k for _pos, k in found]
        return pool

    def places_by_ids(self, ids: Iterable[str]) -> list[Place]:
        """Return the places with these ids, in gazetteer order."""
        index = self.__dict__.get("_by_id")
        if index is None:
            index = {}
            for i, p in enumerate(self.places):
                index.setdefault(p.id, []).append(i)
            self.__dict__["_by_id"] = index
        found = sorted({i for pid in ids for i in index.get(pid, ())})
        return [self.places[i] for i in found]

    # -- geometry ------------------------------------------------------------
    @property
    def admin(self) -> AdminIndex:
        """Admin-1 polygons (point-in-polygon)."""
        if self._admin is None:
            self._admin = AdminIndex(self.admin_path)
        return self._admin

    def locate(self, lat: float, lon: float) -> tuple[str, str] | None:
        """``(admin1, country)`` for a point, from the polygons."""
        return self.admin.locate(lat, lon)

    # -- matching ------------------------------------------------------------
    @property
    def automaton(self) -> Any:
        """An Aho-Corasick automaton over ``" key "`` strings (built on first use)."""
        if self._automaton is None:
            import ahocorasick

            auto = ahocorasick.Automaton()
            for key, idxs in self.keys.items():
                if self._matchable(key, idxs):
                    auto.add_word(f" {key} ", key)
            auto.make_automaton()
            self._automaton = auto
        return self._automaton

    def automaton_for(self, countries: Sequence[str]) -> Any:
        """The automaton that also matches the small places of ``countries`` in text.

        By default only Syria's villages are looked for in running text (a Turkish
        hamlet that shares a word with the news would be found everywhere); with
        ``--country IQ`` an Iraqi village is a place the user asked for.
        """
        extra = frozenset(c.upper() for c in countries) - {"SY"}
        if not extra:
            return self.automaton
        memo: dict[frozenset[str], Any] = self.__dict__.setdefault("_automata", {})
        if extra not in memo:
            import ahocorasick

            auto = ahocorasick.Automaton()
            for key, idxs in self.keys.items():
                if self._matchable(key, idxs, extra):
                    auto.add_word(f" {key} ", key)
            auto.make_automaton()
            memo[extra] = auto
        return memo[extra]

    def _matchable(self, key: str, idxs: list[int], focus: frozenset[str] = frozenset()) -> bool:
        """Whether running text may match this key (stop words and people never do)."""
        places = [self.places[i] for i in idxs]
        trusted = any(p.layer in ("curated", "patch", "admin") for p in places)
        words = key.split(" ")
        if all(w in _STOP_KEYS for w in words) and not any(p.layer == "patch" for p in places):
            if trusted:
                self.strict_keys.add(key)
                return True
            return False
        if (
            trusted
            and key in _PEOPLE_KEYS
            and not any(p.layer == "patch" or p.kind in ("city", "town") or p.population >= 10_000 for p in places)
        ):
            # A village "Baedeen" folds like "Biden", "Mazlum" is also a commander's name: it
            # counts only when spelt exactly as it, and not before a surname (towns like Kobani
            # are named far more often than the people who share their names).
            self.strict_keys.add(key)
            self.people_keys.add(key)
            return True
        if not trusted:
            if all(w in _STOP_KEYS for w in words) or key in _PEOPLE_KEYS:
                return False
            if len(key) <= 3:
                return False
            if words[0] in _PEOPLE_KEYS and len(words) == 1:
                return False
        # Small places outside Syria are kept for look-ups, not for text.
        return any(
            p.country == "SY"
            or p.country in focus
            or p.layer in ("curated", "patch", "admin", "imported")
            or p.kind == "country"
            or p.population >= 10_000
            for p in places
        )

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_admin"] = None
        state.pop("_by_initial", None)
        state.pop("_pools", None)
        state.pop("_fuzzy_memo", None)
        state.pop("_by_id", None)
        state.pop("_automata", None)
        # Places as plain rows: unpickling 12,000 slotted dataclasses one by one
        # (the dataclass __setstate__) took most of a warm load.
        state["places"] = _PlaceRows(_place_row(p) for p in self.places)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        if isinstance(state.get("places"), _PlaceRows):
            state["places"] = [Place(*row) for row in state["places"]]
        self.__dict__.update(state)


class _PlaceRows(list):  # type: ignore[type-arg]
    """The places of a pickled gazetteer, as tuples of field values."""


_place_row = operator.attrgetter(*(f.name for f in fields(Place)))


def _spelling(name: str) -> str:
    """A name folded (case, diacritics, apostrophes) with a leading article dropped."""
    words = fold(name).split()
    if len(words) > 1 and words[0] in ("al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ad"):
        words = words[1:]
    return " ".join(words)


#: Key forms of generic first words ("Tall", "Kafr", "Deir", "al"...): two names that
#: share one are compared on the rest, and a name with one is not a near miss of a
#: name without it ("Kafr Taal" is not "Kartal").
_GENERIC_HEADS = frozenset(
    token_key(w)
    for w in (
        "tall kafr deir ain abu umm khirbat bayt jabal ras shaykh marat mazraat qasr bir wadi "
        "jisr tal al el as ash ad az ar an at"
    ).split()
)


def _near_miss(key: str, other: str, score: float) -> float:
    """Rescore a rapidfuzz ratio so a shared or missing generic first word does not decide it."""
    from rapidfuzz import fuzz

    a, b = key.split(" ", 1), other.split(" ", 1)
    if a[0] not in _GENERIC_HEADS and b[0] not in _GENERIC_HEADS:
        return score
    if a[0] == b[0]:
        if len(a) == 2 and len(b) == 2:
            return min(score, float(fuzz.ratio(a[1], b[1])))
        return score
    return score - 10.0


def _strip_article(key: str) -> str:
    for a in ("al ", "el ", "al", "el"):
        if key.startswith(a) and len(key) > len(a) + 2:
            return key[len(a) :]
    return key


def _without_article_ratio(key: str, other: str) -> float:
    """The ratio of two keys with a leading (glued) article cut off both.

    "alqasr" and "albasr" share their article, not their name; the
    article must not carry a near-miss over the cut-off.

    >>> round(_without_article_ratio("alqasr", "albasr"))
    65
    """
    from rapidfuzz import fuzz

    a, b = _strip_article(key), _strip_article(other)
    score = float(fuzz.ratio(a, b))
    return score if a[:1] == b[:1] else score - 10.0


#: Which layer's place wins a tie: the user's patches, then the team's, then GeoNames (1).
LAYER_PRIORITY = {"patch": 5, "curated": 4, "admin": 3, "imported": 2}


def _prior(p: Place) -> tuple[int, int, float]:
    return (p.country == "SY", LAYER_PRIORITY.get(p.layer, 1), float(p.population))


def _governorate_entries() -> Iterable[tuple[Place, list[str]]]:
    for g in GOVERNORATES.values():
        base = [g.name, *g.variants]
        names: list[str] = []
        for b in base:
            for w in _GOVERNORATE_WORDS:
                names.append(f"{b} {w}")
            names.append(f"province of {b}")
            names.append(f"governorate of {b}")
            names.append(f"countryside of {b}")
        if g.code == "08":
            names += [
                "Rif Dimashq",
                "Rural Damascus",
                "Reef Damascus",
                "Damascus countryside",
                "Rif Damascus",
                "Eastern Ghouta countryside",
            ]
        if g.code == "13":
            names = [n for n in names if "countryside" not in n.lower()]
        place = Place(
            id=f"admin:SY{g.code}",
            name=f"{g.name} Governorate",
            lat=g.lat,
            lon=g.lon,
            kind="governorate",
            country="SY",
            admin1=g.name,
            radius_km=60.0,
            layer="admin",
        )
        yield place, names


#: What the neighbours call their first-level units.
_PROVINCE_WORD = {"IQ": "Governorate", "JO": "Governorate", "LB": "Governorate", "TR": "Province"}


def _province_entries(admin: AdminIndex) -> Iterable[tuple[Place, list[str]]]:
    """The neighbours' provinces ("Al Anbar", "Nineveh", "Beqaa", "Hatay"), at a point inside each.

    Their own layer, ``provinces``: looked up by ``geocode`` and ``join`` always, but
    matched in running text only for a country given with ``--country`` (a Turkish
    province shares its name with its capital, which Syrian news means far more often).
    """
    for name, country, geom in admin.units():
        if country == "SY" or country not in _PROVINCE_WORD or not name:
            continue
        pt = geom.representative_point()
        word = _PROVINCE_WORD[country]
        # The name keys drop "Al"/"al-" themselves: "Anbar province" finds "Al Anbar".
        names = [name, f"{name} province", f"{name} governorate", f"province of {name}"]
        place = Place(
            id=f"admin:{country}:{name}",
            name=f"{name} {word}",
            lat=round(pt.y, 4),
            lon=round(pt.x, 4),
            kind="governorate",
            country=country,
            admin1=name,
            radius_km=60.0,
            layer="provinces",
        )
        yield place, names


def _border_entries(admin: AdminIndex) -> Iterable[tuple[Place, list[str]]]:
    """Places for "the Syrian-Turkish border" and "the Hama-Idlib border".

    Each is a point on the middle of the shared line (see
    :meth:`AdminIndex.borders`), kind ``border`` with half the line's length
    as its radius: a report placed only "near the Jordanian border" is coded
    to that border at region precision, never to the dateline's city.
    """
    for a, b, lat, lon, length in admin.borders():
        names: list[str] = []
        if a == "SY":
            (adj_a,), nouns_a = NEIGHBOURS["SY"]
            adjs_b, nouns_b = NEIGHBOURS.get(b, ((), ()))
            if not nouns_b:
                continue
            for x in (adj_a, *nouns_a):
                for y in (*adjs_b, *nouns_b):
                    names += [f"{x}-{y} border", f"{y}-{x} border", f"{x}-{y} borders", f"{y}-{x} borders"]
            for y in adjs_b:
                names += [f"{y} border", f"{y} borders", f"{y} frontier"]
            for y in nouns_b:
                names += [f"border with {y}", f"borders with {y}", f"border between Syria and {y}"]
                names += [f"border between {y} and Syria", f"frontier with {y}"]
            # Hundreds of km long: no one governorate stands for it.
            label, country, admin1 = f"Syria–{nouns_b[0]} border", "SY", ""
        else:
            ga, gb = GOVERNORATES[_code_of(a)], GOVERNORATES[_code_of(b)]
            for x in (ga.name, *ga.variants):
                for y in (gb.name, *gb.variants):
                    for u, v in ((x, y), (y, x)):
                        names += [f"{u}-{v} border", f"border between {u} and {v}"]
                        names += [f"administrative border between {u} and {v}", f"{u}-{v} administrative border"]
            label, country, admin1 = f"{a}–{b} border", "SY", ""
        if a != "SY":
            located = admin.locate(lat, lon)
            admin1 = located[0] if located and located[1] == "SY" else a
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
        place = Place(
            id=f"admin:border-{slug}",
            name=label,
            lat=lat,
            lon=lon,
            kind="border",
            country=country,
            admin1=admin1,
            radius_km=round(length / 2, 1),
            layer="admin",
        )
        yield place, list(dict.fromkeys(names))


def _code_of(governorate: str) -> str:
    return next(code for code, g in GOVERNORATES.items() if g.name == governorate)


@lru_cache(maxsize=1)
def _code_version() -> str:
    """Hash of the modules that shape the index, so editing them invalidates old caches."""
    h = hashlib.sha1(_CACHE_VERSION.encode())
    here = Path(__file__).resolve().parent
    for name in ("names.py", "layers.py", "store.py", "admin.py", "_stopwords.py"):
        f = here / name
        if f.exists():
            h.update(f.read_bytes())
    return h.hexdigest()


def _fingerprint(paths: Sequence[Path]) -> str:
    h = hashlib.sha1(_code_version().encode())
    for p in paths:
        st = p.stat()
        h.update(f"{p.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


_IMPORT_SUFFIXES = (".txt", ".zip", ".csv")


def _bundled_files(directory: Path) -> list[Path]:
    """List the bundled GeoNames layer: ``geonames_cities.txt``, then other ``geonames_*.txt``."""
    first = directory / "geonames_cities.txt"
    rest = sorted(p for p in directory.glob("geonames_*.txt") if p != first)
    return [p for p in (first, *rest) if p.exists()]


def _imported_files(directory: Path, extra_layers: Sequence[str | Path]) -> list[Path]:
    """List the imported layer's files: ``directory/imported/*``, then each extra file or folder."""
    out: list[Path] = []
    for src in [directory / "imported", *(Path(p) for p in extra_layers)]:
        if src.is_dir():
            out += sorted(p for p in src.iterdir() if p.suffix.lower() in _IMPORT_SUFFIXES)
        elif src.is_file() and src.suffix.lower() in _IMPORT_SUFFIXES:
            out.append(src)
        elif src != directory / "imported":
            msg = f"{src}: not a GeoNames dump (.txt/.zip), a place CSV or a folder of them"
            raise GazetteerError(msg)
    return out


def _layer_files(directory: Path, imported: Sequence[Path]) -> list[Path]:
    files = [*_bundled_files(directory), *imported]
    for name in ("admin1.geojson", "admin2.csv", "curated.csv"):
        files.append(directory / name)
    return [f for f in files if f.exists()]


def load_gazetteer(
    directory: str | Path | None = None,
    *,
    patches: Sequence[str | Path] = (),
    extra_layers: Sequence[str | Path] = (),
    use_cache: bool = True,
) -> Gazetteer:
    """Load (or build and cache) the gazetteer.

    Parameters
    ----------
    directory
        Folder holding the layers; default ``data/gazetteer``.
    patches
        User patch files (``add``/``override``/``blacklist`` rows).
    extra_layers
        More files for the ``imported`` layer (GeoNames dumps, place CSVs in
        the imported format, or folders of them), besides ``directory/imported``.
    use_cache
        Reuse a compiled copy when no layer file changed.

    Examples
    --------
    >>> gaz = load_gazetteer()
    >>> gaz.search("Tadmour")[0].admin1
    'Homs'
    """
    directory = Path(directory) if directory is not None else data_dir() / "gazetteer"
    if not directory.is_dir():
        raise GazetteerError(f"{directory}: gazetteer folder not found (set GEOMAP_DATA?)")
    imported = _imported_files(directory, extra_layers)
    files = _layer_files(directory, imported)
    patch_paths = [Path(p) for p in patches]
    for p in patch_paths:
        if not p.exists():
            raise GazetteerError(f"{p}: patch file not found")
    cache_file = cache_dir() / f"gazetteer-{_fingerprint(files + patch_paths)}.pickle"
    if use_cache and cache_file.exists():
        try:
            with cache_file.open("rb") as fh:
                gaz: Gazetteer = pickle.load(fh)
            gaz.admin_path = directory / "admin1.geojson"
            touch(cache_file)
            return gaz
        except FileNotFoundError:  # pruned by another run just now
            pass
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
            logger.warning("ignoring unreadable gazetteer cache %s: %s", cache_file, exc)
    gaz = _build(directory, patch_paths, imported)
    if use_cache:
        _ = gaz.automaton
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            # A name of its own, so runs building the cache at once never collide.
            fd, tmp_name = tempfile.mkstemp(prefix=cache_file.stem + ".", suffix=".tmp", dir=cache_file.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp_name, cache_file)
            finally:
                if os.path.exists(tmp_name):
                    os.unlink(tmp_name)
            prune_cache("gazetteer")
        except OSError as exc:
            logger.warning("could not cache the gazetteer in %s: %s", cache_file, exc)
    return gaz


def _build(directory: Path, patches: Sequence[Path], imported: Sequence[Path]) -> Gazetteer:
    places: list[Place] = []
    keys: dict[str, list[int]] = {}
    spellings: dict[str, list[int]] = {}
    loose: dict[str, list[int]] = {}
    layers: dict[str, dict[str, Any]] = {}
    admin = AdminIndex(directory / "admin1.geojson")

    def add(entries: Iterable[tuple[Place, list[str]]], layer: str, source: str) -> None:
        n = 0
        for place, names in entries:
            if place.country in REGION and admin.available:
                located = admin.locate(place.lat, place.lon)
                # A patch place's id ends with its line: "patch:<file stem>:<line>".
                where = f"{source}:{place.id.rsplit(':', 1)[-1]}" if layer == "patch" else source
                if located and located[1] == "SY" and place.kind not in ("governorate", "border"):
                    if layer == "patch" and place.admin1 and place.admin1 != located[0]:
                        logger.warning(
                            "%s: %s is given as %s but its point lies in %s; %s is used",
                            where,
                            place.name,
                            place.admin1,
                            located[0],
                            located[0],
                        )
                    place = replace(place, admin1=located[0], country="SY")
                elif (
                    located
                    and located[1] == place.country
                    and not place.admin1
                    and place.kind not in ("governorate", "border", "country")
                ):
                    # Iraqi, Turkish, Lebanese... places get their province from the same polygons.
                    place = replace(place, admin1=located[0])
                elif layer == "patch" and (
                    wrong := misplaced(place.name, place.lat, place.lon, place.country, located)
                ):
                    logger.warning("%s: %s", where, wrong)
            idx = len(places)
            places.append(place)
            for name in names:
                sp = spellings.setdefault(_spelling(name), [])
                if idx not in sp:
                    sp.append(idx)
                for key in name_keys(name):
                    bucket = keys.setdefault(key, [])
                    if idx not in bucket:
                        bucket.append(idx)
                if place.kind not in ("governorate", "country"):
                    for key in loose_keys(name):
                        bucket = loose.setdefault(key, [])
                        if idx not in bucket:
                            bucket.append(idx)
            n += 1
        info = layers.setdefault(layer, {"places": 0, "sources": []})
        info["places"] += n
        info["sources"].append(source)

    imported_entries: list[tuple[Path, list[tuple[Place, list[str]]]]] = []
    for f in imported:
        if f.suffix.lower() == ".csv":
            entries = read_place_csv(
                f,
                variants_column="variants",
                kind_column="kind",
                admin1_column="admin1",
                country_column="country",
                layer="imported",
            )
        else:
            entries = read_geonames(f, layer="imported")
        imported_entries.append((f, list(entries)))
    # A full dump imported over the bundled extract replaces its rows (same geonameid).
    seen = {p.id.split(":", 1)[1] for _f, es in imported_entries for p, _n in es if p.id.count(":") == 1}
    # Fuller extracts first: the cities500 rows they already hold are skipped.
    for bundled in reversed(_bundled_files(directory)):
        cities = bundled.name == "geonames_cities.txt"
        label = "GeoNames cities500" if cities else "GeoNames extract"
        fresh = [e for e in read_geonames(bundled) if e[0].id.split(":", 1)[1] not in seen]
        seen |= {p.id.split(":", 1)[1] for p, _n in fresh}
        add(fresh, "geonames", f"{bundled.name} ({label}, CC BY 4.0)")
    for f, layer_entries in imported_entries:
        add(layer_entries, "imported", f.name)
    add(_governorate_entries(), "admin", "Syria's 14 governorates (admin1.geojson polygons)")
    add(_border_entries(admin), "admin", "borders between governorates and countries (admin1.geojson)")
    add(_province_entries(admin), "provinces", "provinces of Iraq, Jordan, Lebanon and Turkey (admin1.geojson)")
    districts = directory / "admin2.csv"
    if districts.exists():
        add(
            read_curated(districts, layer="admin"), "admin", f"{districts.name} (Syria's districts, OCHA/geoBoundaries)"
        )
    curated = directory / "curated.csv"
    if curated.exists():
        add(read_curated(curated), "curated", f"{curated.name} (geomap team, CC BY 4.0)")
    blacklist: set[str] = set()
    for patch in patches:
        patch_entries: list[tuple[Place, list[str]]] = []
        for action, place, names in read_patch(patch):
            if action == "blacklist":
                blacklist |= {k for n in names for k in written_keys(n)}
                continue
            name_set = {k for n in names for k in name_keys(n)}
            if action == "override":
                for k in name_set:
                    keys[k] = []
                    loose.pop(k, None)
            assert place is not None
            patch_entries.append((place, names))
        add(patch_entries, "patch", str(patch))
    keys = {k: v for k, v in keys.items() if v and len(k) >= 3}
    parts = _governorate_parts(places, admin)
    return Gazetteer(
        places=places,
        keys=keys,
        layers=layers,
        admin_path=directory / "admin1.geojson",
        spellings=spellings,
        loose=loose,
        parts=parts,
        blocked=frozenset(blacklist),
    )


def _governorate_parts(places: Sequence[Place], admin: AdminIndex) -> dict[str, tuple[float, float]]:
    """A point for each governorate's northern, south-eastern... countryside.

    Reports take the side from the governorate's capital: "the northern Hama
    countryside" is Kafr Zita and Morek, north of Hama city, not the al-Ghab
    plain in the far north-west; "the northern Aleppo countryside" is Azaz and
    Tal Rifaat.  So a side is where people live in that quarter as seen from the
    capital (Damascus for its countryside): among the settlements at least 8 km
    from it whose bearing lies within 30 degrees of the direction, the farther
    two thirds; the point is the settlement nearest their medians.  Where fewer
    than four settlements lie there, the third of all settlements furthest that
    way; governorates with too few settlements fall back to the polygon
    (:meth:`AdminIndex.part`).
    """
    from math import cos, hypot, radians
    from statistics import median

    settled: dict[str, list[tuple[float, float]]] = {}
    for p in places:
        if p.country == "SY" and p.admin1 and p.kind in ("village", "town", "city"):
            settled.setdefault(p.admin1, []).append((p.lat, p.lon))
    out: dict[str, tuple[float, float]] = {}
    for g in GOVERNORATES.values():
        pts = settled.get(g.name, [])
        if len(pts) >= 12:
            clat, clon = median(p[0] for p in pts), median(p[1] for p in pts)
            ref = GOVERNORATES["13"] if g.name == "Rif Dimashq" else g
            shrink = cos(radians(ref.lat))
            # Each settlement as (east, north) km from the capital.
            offsets = [((p[1] - ref.lon) * shrink * 111.32, (p[0] - ref.lat) * 111.32, p) for p in pts]
        for direction, (dx, dy) in DIRECTIONS.items():
            point: tuple[float, float] | None = None
            if len(pts) >= 12:
                if (dx, dy) == (0, 0):
                    point = (clat, clon)
                else:
                    norm = hypot(dx, dy)
                    # (distance along the direction, distance from the capital, settlement)
                    along = [((dx * x + dy * y) / norm, hypot(x, y), p) for x, y, p in offsets]
                    cone = [(d, p) for d, r, p in along if r >= 8.0 and d >= 0.866 * r]
                    # The farther two thirds of the quarter: "the eastern countryside" is not
                    # the city's edge.
                    cone.sort(key=lambda dp: dp[0])
                    quarter = [p for _d, p in cone[len(cone) // 3 :]]
                    if len(quarter) < 4:
                        ranked = sorted(pts, key=lambda p: -(dx * (p[1] - clon) * shrink + dy * (p[0] - clat)))
                        quarter = ranked[: len(ranked) // 3]
                    mid = (median(p[0] for p in quarter), median(p[1] for p in quarter))
                    # A settlement, not the empty middle between two clusters (nor the next
                    # governorate): the one nearest the medians.
                    point = min(quarter, key=lambda p: hypot((p[0] - mid[0]), (p[1] - mid[1]) * shrink))
            if point is None and admin.available:
                point = admin.part(g.name, direction)
            if point is not None:
                out[f"{g.name}|{direction}"] = (round(point[0], 5), round(point[1], 5))
    return out


def describe(gaz: Gazetteer) -> str:
    """Describe the layers and their counts in a few lines (``geomap gazetteer info``)."""
    lines = [f"{len(gaz.places)} places, {len(gaz.keys)} name keys"]
    for layer, info in gaz.layers.items():
        lines.append(f"  {layer:<9} {info['places']:>7} places  from {'; '.join(info['sources'])}")
    polys = "yes" if gaz.admin.available else "no (admin1 from GeoNames codes)"
    lines.append(f"  admin-1 polygons: {polys}")
    return "\n".join(lines)
