"""Records passed between the pipeline stages.

All records are frozen, slotted dataclasses: a stage takes records and returns
new records, never mutating what it was given.  Coordinates are WGS84
(EPSG:4326) and always stored as separate ``lat`` and ``lon`` fields so the
axis order is never in doubt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

__all__ = ["FLAG_NOTES", "Article", "Event", "Mention", "Place", "flag_notes"]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article after ingest and cleaning.

    ``text`` is the cleaned body (boilerplate removed); ``raw_text`` keeps what
    was read, for provenance.  ``published`` is ``None`` when no date was
    found; ``warnings`` says why.  ``published_day`` is ``--MM-DD`` when the
    source gives a day and month but no year (a feed post headed "Jun 19").
    """

    id: str
    title: str
    text: str
    published: date | None = None
    outlet: str = ""
    url: str = ""
    source_path: str = ""
    raw_text: str = field(default="", repr=False, compare=False)
    warnings: tuple[str, ...] = ()
    published_day: str = ""


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry.

    ``kind`` is a coarse feature kind (city, town, village, camp, base,
    oilfield, region, governorate, country...).  ``layer`` names the
    gazetteer layer it came from (geonames, curated, admin, user, online...).
    """

    id: str
    name: str
    lat: float
    lon: float
    kind: str = "town"
    country: str = ""
    admin1: str = ""
    population: int = 0
    radius_km: float = 0.0
    layer: str = ""

    @property
    def is_area(self) -> bool:
        """Whether the place is an area rather than a point (region, governorate, country)."""
        return self.kind in {"region", "governorate", "country", "oilfield", "gasfield"} or (self.radius_km >= 5)

    @property
    def is_admin_unit(self) -> bool:
        """Whether the place is a country, governorate, border or administrative district.

        ACLED codes such an area at geo_precision 3 ("a larger region").  The
        district here is the administrative one (admin2, "Tadmur District"),
        not a city quarter, which shares the kind ``district``.
        """
        return self.kind in {"governorate", "country", "border"} or (self.kind == "district" and self.layer == "admin")


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in an article, with its resolution.

    ``start``/``end`` are character offsets into ``Article.text``.  ``status``
    is ``resolved``, ``ambiguous`` or ``unresolved``; ``candidates`` keeps the
    alternatives that were considered (best first) so an analyst can patch the
    gazetteer.  ``lat``/``lon`` may differ from ``place`` when a relative
    phrase ("between X and Y") moved the point; ``precision`` is ACLED's
    geo_precision (1 the place itself, 2 near or part of it, 3 a larger region).
    """

    article_id: str
    start: int
    end: int
    surface: str
    place: Place | None = None
    candidates: tuple[Place, ...] = ()
    score: float = 0.0
    status: str = "unresolved"
    precision: int = 1
    lat: float | None = None
    lon: float | None = None
    context: str = ""
    cue: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """One reported incident, in ACLED's vocabulary.

    ``event_date`` is ISO 8601 ``YYYY-MM-DD``, or ``--MM-DD`` when the year is
    unknown, or empty when neither the text nor the article gives one;
    ``date_flag`` says how the date was obtained (``exact``, ``relative``,
    ``year-inferred``, ``year-unknown``, ``article-date``, ``unknown``...).
    ``time_precision`` is ACLED's 1/2/3 for a dated event and ``None`` for an
    undated one.

    Every article keeps its own record of an incident.  When several articles
    report the same incident, the first record read is the incident's record
    (``sources`` lists every article) and the others carry its id in
    ``duplicate_of``; maps and incident counts use the records whose
    ``duplicate_of`` is empty.  Coordinates are WGS84 degrees, rounded to 6
    decimals.
    """

    event_id: str
    article_id: str
    event_date: str
    time_precision: int | None
    event_type: str
    sub_event_type: str
    disorder_type: str
    actor1: str
    actor2: str
    location: str
    latitude: float
    longitude: float
    geo_precision: int
    admin1: str = ""
    country: str = "Syria"
    iso: int = 760
    assoc_actor_1: str = ""
    assoc_actor_2: str = ""
    inter1: int | None = None
    inter2: int | None = None
    interaction: int | None = None
    fatalities: int | None = None
    fatalities_text: str = ""
    injuries: int | None = None
    civilian_targeting: str = ""
    date_flag: str = "exact"
    primary: bool = False
    sentence: str = ""
    place_id: str = ""
    source: str = ""
    sources: tuple[str, ...] = ()
    duplicate_of: str = ""
    article_title: str = ""
    url: str = ""
    notes: str = ""
    #: ACLED's columns geomap does not fill itself, kept from a joined export.
    admin2: str = ""
    admin3: str = ""
    source_scale: str = ""
    tags: str = ""
    timestamp: int | None = None
    #: What a joined record's check found, ";"-separated codes (set in geomap.join):
    #: "point-disagrees", "swapped-lat-lon", "placeholder-point", "ambiguous-place", "near-miss",
    #: "admin1-only", "admin1-corrected", "text-disagrees", "point-unusable".
    flags: str = ""

    def __post_init__(self) -> None:
        # Held to the 6 decimals (about 0.1 m) the GeoJSON geometry is written with, so that
        # the geometry, the properties, the CSV and the GeoPackage all give the same point.
        object.__setattr__(self, "latitude", round(self.latitude, 6))
        object.__setattr__(self, "longitude", round(self.longitude, 6))


#: What each of a joined record's ``flags`` means, in words for a map popup or the report.
FLAG_NOTES = {
    "point-disagrees": "the record's point is far from the place it names; point kept",
    "swapped-lat-lon": "the record's latitude and longitude were swapped; put right",
    "placeholder-point": "the record's point was (0, 0), a placeholder; geocoded from its place name",
    "point-unusable": "the record's point could not be used; geocoded from its place name",
    "ambiguous-place": "the place name fits more than one place; geocoded to the likeliest",
    "near-miss": "geocoded from a near spelling of the place name",
    "admin1-only": "placed at its governorate only (geo_precision 3)",
    "admin1-corrected": "the record's admin1 disagreed with the place; set from the gazetteer",
    "text-disagrees": "the record's own text names another governorate than the place geocoded",
}


def flag_notes(flags: str) -> list[str]:
    """The words for an event's ``;``-separated ``flags`` (an unknown code is given as it is).

    >>> flag_notes("near-miss;custom-check")
    ['geocoded from a near spelling of the place name', 'custom-check']
    >>> flag_notes("")
    []
    """
    return [FLAG_NOTES.get(f, f) for f in flags.split(";") if f]
