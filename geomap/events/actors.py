"""The actor table (data/actors.csv) and matching actor names in text.

Aliases match case-insensitively as whole words; an all-capitals alias of up
to four letters ("IS", "SAA", "NLF") matches only in capitals, so the verb
"is" never becomes the Islamic State.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .._data import data_dir
from ..errors import GeomapError

__all__ = ["Actor", "ActorMention", "ActorTable", "load_actors"]


@dataclass(frozen=True, slots=True)
class Actor:
    """One row of the actor table."""

    name: str
    side: str
    inter: int
    parent: str = ""
    country: str = ""
    kind: str = ""


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in text: span and the actor."""

    start: int
    end: int
    surface: str
    actor: Actor


class ActorTable:
    """All actors and an Aho-Corasick matcher over their aliases."""

    def __init__(self, actors: list[Actor], aliases: dict[str, Actor], case_sensitive: set[str]) -> None:
        self.actors = actors
        self.by_name = {a.name: a for a in actors}
        self._aliases = aliases
        self._case_sensitive = case_sensitive
        import ahocorasick

        self._auto: Any = ahocorasick.Automaton()
        for alias in aliases:
            self._auto.add_word(alias.lower(), alias)
        self._auto.make_automaton()

    def find(self, text: str) -> list[ActorMention]:
        """Actor mentions in ``text``, leftmost-longest, non-overlapping.

        Examples
        --------
        >>> t = load_actors()
        >>> [m.actor.name for m in t.find("ISIS is losing; Daesh fighters fled the SDF.")][:1]
        ['Islamic State']
        """
        low = text.lower()
        hits: list[tuple[int, int, str]] = []
        for end, alias in self._auto.iter(low):
            start = end - len(alias) + 1
            if start > 0 and (low[start - 1].isalnum() or low[start - 1] == "_"):
                continue
            if end + 1 < len(low) and (low[end + 1].isalnum() or low[end + 1] == "_"):
                # allow plural/possessive "s" on word aliases: "Kurds", "rebels"
                if not (low[end + 1] == "s" and (end + 2 >= len(low) or not low[end + 2].isalnum())
                        and alias not in self._case_sensitive and len(alias) > 4):
                    continue
                end += 1
            if alias in self._case_sensitive and text[start:start + len(alias)] != alias:
                continue
            hits.append((start, end + 1, alias))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out: list[ActorMention] = []
        last_end = -1
        for start, end, alias in hits:
            if start < last_end:
                continue
            out.append(ActorMention(start, end, text[start:end], self._aliases[alias]))
            last_end = end
        return out


def _aliases_for(row_name: str, raw: str) -> list[str]:
    names = [row_name] + [a.strip() for a in raw.split("|")]
    return [n for n in dict.fromkeys(names) if n]


@lru_cache(maxsize=4)
def load_actors(path: str | Path | None = None) -> ActorTable:
    """Load the actor table (default ``data/actors.csv``).

    Raises :class:`~geomap.errors.GeomapError` naming the file and line on a bad row.
    """
    path = Path(path) if path is not None else data_dir() / "actors.csv"
    actors: list[Actor] = []
    aliases: dict[str, Actor] = {}
    case_sensitive: set[str] = set()
    try:
        fh = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise GeomapError(f"{path}: cannot read the actor table ({exc.strerror})") from exc
    with fh:
        reader = csv.DictReader(fh)
        for lineno, row in enumerate(reader, 2):
            name = (row.get("name") or "").strip()
            if not name:
                continue
            try:
                inter = int(row.get("inter") or 0)
            except ValueError as exc:
                msg = f"{path}:{lineno}: inter {row.get('inter')!r} is not a number 1-8"
                raise GeomapError(msg) from exc
            actor = Actor(name, (row.get("side") or "").strip(), inter, (row.get("parent") or "").strip(),
                          (row.get("country") or "").strip(), (row.get("kind") or "").strip())
            actors.append(actor)
            for alias in _aliases_for(name, row.get("aliases") or ""):
                key = alias.lower()
                if alias.isupper() and len(re.sub(r"[^A-Za-z]", "", alias)) <= 4:
                    case_sensitive.add(alias)
                    key = alias
                # First row wins on a shared alias; lower-case key for the matcher.
                for existing in list(aliases):
                    if existing.lower() == alias.lower():
                        break
                else:
                    aliases[alias if key == alias else alias] = actor
    return ActorTable(actors, aliases, case_sensitive)
