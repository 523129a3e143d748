"""Great-circle distance, the one measure every stage uses (resolution, dedup, joins, benches)."""

from __future__ import annotations

import math

__all__ = ["COUNTRY_NAMES", "km"]

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)

#: The countries events are placed in, by ISO2: name, ISO 3166 numeric code (ACLED's
#: ``iso``) and alpha-3 code (the prefix of ``event_id_cnty``).
COUNTRY_NAMES = {
    "SY": ("Syria", 760, "SYR"),
    "IQ": ("Iraq", 368, "IRQ"),
    "TR": ("Turkey", 792, "TUR"),
    "LB": ("Lebanon", 422, "LBN"),
    "JO": ("Jordan", 400, "JOR"),
    "IL": ("Israel", 376, "ISR"),
    "PS": ("Palestine", 275, "PSE"),
}


def km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Haversine distance in kilometres between two WGS84 points.

    Examples
    --------
    >>> round(km(33.513, 36.292, 36.202, 37.134))  # Damascus to Aleppo
    309
    """
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))
