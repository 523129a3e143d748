"""Opt-in online fallback: ask a geopy geocoder (e.g. Nominatim) for names the gazetteer lacks.

Nothing here runs unless the user asks for it (``--geocoder nominatim``).
Every answer, found or not, is kept in a local SQLite cache
(``$GEOMAP_CACHE_DIR/geocode.sqlite``) keyed on the service, the country bias
and the folded name, so a second run over the same articles sends no request.
Requests are spaced by geopy's :class:`~geopy.extra.rate_limiter.RateLimiter`
(one per second by default, Nominatim's usage policy) and carry the user
agent the user gave; without one the fallback refuses to start.

Places found online carry ``layer="online:<service>"`` so every output says
where the point came from.
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import json
import logging
import os
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .._data import cache_dir, data_dir
from ..errors import GeocoderError
from ..models import Place
from .admin import AdminIndex
from .names import fold

__all__ = ["OnlineFallback", "USER_AGENT_ENV", "split_geocoder_url"]

logger = logging.getLogger(__name__)

#: Environment variable read when no ``--user-agent`` is given.
USER_AGENT_ENV = "GEOMAP_USER_AGENT"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS geocode (
    key TEXT PRIMARY KEY,
    service TEXT NOT NULL,
    query TEXT NOT NULL,
    found INTEGER NOT NULL,
    place TEXT,
    raw TEXT,
    fetched REAL NOT NULL
)
"""
_SETTLEMENT = {
    "city": "city",
    "town": "town",
    "village": "village",
    "hamlet": "village",
    "isolated_dwelling": "village",
    "farm": "village",
    "locality": "village",
    "suburb": "district",
    "quarter": "district",
    "neighbourhood": "district",
    "city_block": "district",
    "borough": "district",
}
_AREA = {
    "state": "governorate",
    "province": "governorate",
    "region": "region",
    "county": "district",
    "district": "district",
    "municipality": "district",
    "country": "country",
}
_OTHER = {
    ("aeroway", "aerodrome"): "airport",
    ("military", "airfield"): "airport",
    ("landuse", "military"): "base",
    ("military", "barracks"): "base",
    ("amenity", "prison"): "prison",
    ("amenity", "hospital"): "hospital",
    ("natural", "peak"): "mountain",
    ("natural", "mountain_range"): "mountain",
    ("waterway", "river"): "river",
    ("waterway", "dam"): "dam",
    ("amenity", "refugee_site"): "camp",
    ("barrier", "border_control"): "crossing",
}
_PREFERRED_CLASSES = (
    "place",
    "boundary",
    "landuse",
    "military",
    "aeroway",
    "natural",
    "waterway",
    "amenity",
)


def split_geocoder_url(url: str) -> tuple[str, str]:
    """``(domain, scheme)`` for geopy from a URL such as ``http://127.0.0.1:8080/nominatim``.

    Examples
    --------
    >>> split_geocoder_url("http://127.0.0.1:8080/nominatim/")
    ('127.0.0.1:8080/nominatim', 'http')
    >>> split_geocoder_url("nominatim.example.org")
    ('nominatim.example.org', 'https')
    """
    text = url.strip()
    parts = urlsplit(text if "://" in text else f"https://{text}")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        msg = f"geocoder URL {url!r} is not an http(s) address; expected e.g. http://127.0.0.1:8080"
        raise GeocoderError(msg)
    return parts.netloc + parts.path.rstrip("/"), parts.scheme


def _kind(raw: dict[str, Any]) -> str:
    cls, typ = str(raw.get("class", "")), str(raw.get("type", ""))
    addresstype = str(raw.get("addresstype", ""))
    if cls == "place" and typ in _SETTLEMENT:
        return _SETTLEMENT[typ]
    if (cls, typ) in _OTHER:
        return _OTHER[(cls, typ)]
    if cls in ("place", "boundary"):
        return _SETTLEMENT.get(addresstype) or _AREA.get(addresstype) or _AREA.get(typ, "region")
    return "landmark"


class OnlineFallback:
    """Look up names online, through a cache; opt-in, rate-limited, identified by a user agent.

    Parameters
    ----------
    geocoder_name
        A geopy service name: ``nominatim`` (default in the CLI), ``photon``,
        ``arcgis``... (see ``geopy.geocoders.SERVICE_TO_GEOCODER``).
    user_agent
        Who is asking, e.g. ``"myproject/1.0 (me@example.org)"``; required.
        ``None`` reads ``$GEOMAP_USER_AGENT``.
    domain, scheme
        Another server for the service (a private Nominatim, or a test server).
    cache_path
        The SQLite cache; default ``$GEOMAP_CACHE_DIR/geocode.sqlite``.
    min_delay_seconds
        Least time between two requests.
    country_codes
        Country bias (ISO2, lower case); answers elsewhere are ignored.

    Examples
    --------
    >>> import tempfile
    >>> fb = OnlineFallback("nominatim", "geomap-doctest/0.1", domain="127.0.0.1:9",
    ...                     scheme="http", cache_path=tempfile.mkdtemp() + "/g.sqlite")
    >>> fb.layer, fb.requests
    ('online:nominatim', 0)
    """

    def __init__(
        self,
        geocoder_name: str,
        user_agent: str | None,
        *,
        domain: str | None = None,
        scheme: str = "https",
        cache_path: str | Path | None = None,
        min_delay_seconds: float = 1.0,
        country_codes: Sequence[str] = ("sy",),
    ) -> None:
        from geopy.geocoders import SERVICE_TO_GEOCODER

        service = (geocoder_name or "").strip().lower()
        if service not in SERVICE_TO_GEOCODER:
            known = ", ".join(sorted(SERVICE_TO_GEOCODER))
            msg = f"unknown geocoder {geocoder_name!r}; expected one of geopy's services: {known}"
            raise GeocoderError(msg)
        agent = (user_agent or os.environ.get(USER_AGENT_ENV, "")).strip()
        if not agent:
            msg = (
                f"the online geocoder {service!r} needs a user agent that identifies you "
                "(Nominatim's usage policy): pass --user-agent 'myproject/1.0 (you@example.org)' "
                f"or set {USER_AGENT_ENV}"
            )
            raise GeocoderError(msg)
        self.service = service
        self.user_agent = agent
        self.domain = domain
        self.scheme = scheme
        self.cache_path = Path(cache_path or cache_dir() / "geocode.sqlite")
        self.min_delay_seconds = float(min_delay_seconds)
        self.country_codes = tuple(c.strip().lower() for c in country_codes if c.strip())
        self.layer = f"online:{service}"
        #: Requests sent and answers served from the cache (this object's lifetime).
        self.requests = 0
        self.cache_hits = 0
        self._limited: Any = None
        self._geocode_kwargs: dict[str, Any] = {}
        self._disabled = False
        self._admin: AdminIndex | None = None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_limited"] = None
        state["_admin"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    # -- cache -----------------------------------------------------------------
    def cache_key(self, name: str) -> str:
        """Return the cache key: service, country bias and the folded name."""
        return f"{self.service}|{','.join(self.country_codes)}|{fold(name)}"

    @contextlib.contextmanager
    def _db(self) -> Any:
        try:
            self.cache_path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.cache_path)
        except (OSError, sqlite3.Error) as exc:
            msg = f"{self.cache_path}: cannot open the geocoder cache ({exc}); set GEOMAP_CACHE_DIR"
            raise GeocoderError(msg) from exc
        try:
            conn.execute(_SCHEMA)
            yield conn
            conn.commit()
        except sqlite3.Error as exc:
            msg = f"{self.cache_path}: geocoder cache error ({exc}); delete the file to reset it"
            raise GeocoderError(msg) from exc
        finally:
            conn.close()

    def cached(self, name: str) -> tuple[bool, Place | None]:
        """``(hit, place)`` from the cache without any request."""
        with self._db() as conn:
            row = conn.execute("SELECT found, place FROM geocode WHERE key = ?", (self.cache_key(name),)).fetchone()
        if row is None:
            return False, None
        if not row[0]:
            return True, None
        return True, Place(**json.loads(row[1]))

    def _store(self, name: str, place: Place | None, raw: Any) -> None:
        data = (
            None
            if place is None
            else json.dumps({f: getattr(place, f) for f in Place.__dataclass_fields__}, ensure_ascii=False)
        )
        with self._db() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO geocode (key, service, query, found, place, raw, fetched) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    self.cache_key(name),
                    self.service,
                    name,
                    int(place is not None),
                    data,
                    json.dumps(raw, ensure_ascii=False, default=str),
                    time.time(),
                ),
            )

    # -- network ---------------------------------------------------------------
    def _geocoder(self) -> Any:
        if self._limited is None:
            from geopy.extra.rate_limiter import RateLimiter
            from geopy.geocoders import get_geocoder_for_service

            cls = get_geocoder_for_service(self.service)
            options: dict[str, Any] = {"user_agent": self.user_agent}
            params = inspect.signature(cls.__init__).parameters
            if self.domain:
                if "domain" not in params:
                    msg = f"geocoder {self.service!r} does not take another server (--geocoder-url)"
                    raise GeocoderError(msg)
                options["domain"] = self.domain
            if "scheme" in params:
                options["scheme"] = self.scheme
            from geopy.exc import GeopyError

            try:
                geocoder = cls(**options)
            except (GeopyError, TypeError, ValueError) as exc:
                msg = f"cannot set up geocoder {self.service!r}: {exc}"
                raise GeocoderError(msg) from exc
            wanted = inspect.signature(geocoder.geocode).parameters
            kwargs: dict[str, Any] = {"exactly_one": False}
            if "country_codes" in wanted and self.country_codes:
                kwargs["country_codes"] = list(self.country_codes)
            if "addressdetails" in wanted:
                kwargs["addressdetails"] = True
            if "language" in wanted:
                kwargs["language"] = "en"
            if "limit" in wanted:
                kwargs["limit"] = 5
            self._geocode_kwargs = kwargs
            self._limited = RateLimiter(
                geocoder.geocode,
                min_delay_seconds=self.min_delay_seconds,
                max_retries=1,
                error_wait_seconds=max(self.min_delay_seconds, 1.0),
                swallow_exceptions=False,
            )
        return self._limited

    def _fetch(self, name: str) -> list[Any] | None:
        from geopy.exc import (
            ConfigurationError,
            GeocoderAuthenticationFailure,
            GeocoderInsufficientPrivileges,
            GeopyError,
        )

        geocode = self._geocoder()
        self.requests += 1
        try:
            found = geocode(name, **self._geocode_kwargs)
        except (
            GeocoderAuthenticationFailure,
            GeocoderInsufficientPrivileges,
            ConfigurationError,
        ) as exc:
            msg = f"geocoder {self.service!r} refused the request ({exc}); check --user-agent"
            raise GeocoderError(msg) from exc
        except GeopyError as exc:
            logger.warning(
                "online geocoder %s failed on %r (%s); no more online look-ups this run",
                self.service,
                name,
                exc,
            )
            self._disabled = True
            return None
        if found is None:
            return []
        return list(found) if isinstance(found, list) else [found]

    def _choose(self, name: str, locations: list[Any]) -> tuple[Place | None, Any]:
        ranked: list[tuple[int, float, int, Any, dict[str, Any], str]] = []
        for loc in locations:
            raw = dict(getattr(loc, "raw", {}) or {})
            address = raw.get("address") or {}
            cc = str(address.get("country_code", "")).lower()
            if self.country_codes and cc and cc not in self.country_codes:
                continue
            cls = str(raw.get("class", ""))
            rank = _PREFERRED_CLASSES.index(cls) if cls in _PREFERRED_CLASSES else 99
            importance = -float(raw.get("importance") or 0)
            ranked.append((rank, importance, len(ranked), loc, raw, cc))
        if not ranked:
            return None, [getattr(loc, "raw", None) for loc in locations]
        ranked.sort(key=lambda r: r[:3])
        _r, _i, _n, loc, raw, cc = ranked[0]
        lat, lon = float(loc.latitude), float(loc.longitude)
        only = self.country_codes[0].upper() if len(self.country_codes) == 1 else ""
        country = cc.upper() or only
        admin1 = ""
        if country == "SY":
            located = self._locate(lat, lon)
            admin1 = located[0] if located else ""
        if raw.get("osm_id"):
            ident = f"{str(raw.get('osm_type', ''))[:1]}{raw['osm_id']}"
        else:
            ident = hashlib.sha1(f"{lat:.5f},{lon:.5f}".encode()).hexdigest()[:10]
        display = str(raw.get("display_name") or getattr(loc, "address", "") or name)
        place = Place(
            id=f"{self.layer}:{ident}",
            name=display.split(",")[0].strip() or name,
            lat=round(lat, 6),
            lon=round(lon, 6),
            kind=_kind(raw),
            country=country,
            admin1=admin1,
            layer=self.layer,
        )
        return place, raw

    def _locate(self, lat: float, lon: float) -> tuple[str, str] | None:
        if self._admin is None:
            self._admin = AdminIndex(data_dir() / "gazetteer" / "admin1.geojson")
        return self._admin.locate(lat, lon)

    def lookup(self, name: str) -> Place | None:
        """Return the place the geocoder gives for ``name`` (cached), or ``None``.

        A name the service does not know is cached as not found; a network
        failure is not cached, is logged once, and stops further requests.
        """
        if not fold(name):
            return None
        hit, place = self.cached(name)
        if hit:
            self.cache_hits += 1
            return place
        if self._disabled:
            return None
        locations = self._fetch(name)
        if locations is None:
            return None
        place, raw = self._choose(name, locations)
        self._store(name, place, raw)
        logger.info("online %s: %r -> %s", self.service, name, place)
        return place
