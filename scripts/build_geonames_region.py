"""Build data/gazetteer/geonames_region.txt: village-level GeoNames for Syria and its border areas.

The bundled ``geonames_cities.txt`` holds only places of 500+ inhabitants
(about 300 in Syria).  This script makes the village-level layer from the
GeoNames country dumps:

- every populated place (feature class P), admin unit (A), spot (S: camps,
  bases, crossings, oil fields), area (L) and terrain feature (T) in Syria;
- populated places of the neighbours (LB, JO, IQ, TR, IL, PS) within
  ``--near-km`` of Syria's border, so border towns on both sides resolve;
- alternate names from GeoNames' per-country ``alternatenames/CC.zip``
  (Latin and Arabic script), merged into the alternatenames column.

The output is in GeoNames' own 19-column format; ``load_gazetteer`` reads every
``data/gazetteer/geonames_*.txt`` as the ``geonames`` layer.  Data: GeoNames,
CC BY 4.0 (credit "GeoNames, geonames.org").

It downloads (a maintainer's step, run by hand, never by geomap itself)
https://download.geonames.org/export/dump/CC.zip and .../alternatenames/CC.zip,
unless ``--from DIR`` points at copies already on disk.

Run:
    python scripts/build_geonames_region.py                  # download, then build
    python scripts/build_geonames_region.py --from ~/geonames   # offline, from saved zips
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
import urllib.request
from pathlib import Path

from shapely.geometry import Point, shape

from geomap.gazetteer.layers import geonames_rows, read_alternate_names

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "gazetteer" / "geonames_region.txt"
COUNTRIES = ROOT / "data" / "gazetteer" / "countries.geojson"
DUMP = "https://download.geonames.org/export/dump/{cc}.zip"
ALTERNATES = "https://download.geonames.org/export/dump/alternatenames/{cc}.zip"
NEIGHBOURS = ("LB", "JO", "IQ", "TR", "IL", "PS")
SYRIA_CLASSES = frozenset("PASLT")
USER_AGENT = "geomap-build/0.1 (scripts/build_geonames_region.py)"


def fetch(url: str, target: Path) -> Path:
    if target.exists():
        return target
    print(f"downloading {url}", file=sys.stderr)
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(req, timeout=120) as resp:  # noqa: S310 (fixed https URL)
        target.write_bytes(resp.read())
    return target


def keep_name(name: str) -> bool:
    if not name or len(name) > 60 or "," in name or "\t" in name:
        return False
    if name.isascii() and name == name.lower():
        return False  # GeoNames' machine transliterations of Arabic ("tl zrqan")
    for ch in name:
        if ch.isalpha() and unicodedata.name(ch, "").split(" ")[0] not in ("LATIN", "ARABIC"):
            return False
    return True


def syria_outline(buffer_km: float):  # type: ignore[no-untyped-def]
    data = json.loads(COUNTRIES.read_text(encoding="utf-8"))
    for feat in data["features"]:
        props = feat.get("properties") or {}
        if props.get("iso2") == "SY":
            return shape(feat["geometry"]).buffer(buffer_km / 111.0)
    raise SystemExit(f"{COUNTRIES}: no Syria feature found")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from", dest="source", type=Path, help="Folder with CC.zip and alternatenames/CC.zip.")
    ap.add_argument(
        "--cache",
        type=Path,
        default=Path.home() / ".cache" / "geomap" / "geonames",
        help="Where downloads are kept.",
    )
    ap.add_argument(
        "--near-km",
        type=float,
        default=60.0,
        help="Keep neighbours' places within this distance of Syria.",
    )
    ap.add_argument("--neighbours", nargs="*", default=list(NEIGHBOURS))
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)

    folder = args.source or args.cache
    (folder / "alternatenames").mkdir(parents=True, exist_ok=True)
    near = syria_outline(args.near_km)
    rows: list[list[str]] = []
    for cc in ["SY", *args.neighbours]:
        dump = folder / f"{cc}.zip"
        alts_zip = folder / "alternatenames" / f"{cc}.zip"
        if args.source is None:
            fetch(DUMP.format(cc=cc), dump)
            fetch(ALTERNATES.format(cc=cc), alts_zip)
        extra = read_alternate_names(alts_zip) if alts_zip.exists() else {}
        n = 0
        for _line, cols in geonames_rows(dump, countries=frozenset({cc})):
            if cc == "SY":
                if cols[6] not in SYRIA_CLASSES:
                    continue
            elif cols[6] != "P" or not near.contains(Point(float(cols[5]), float(cols[4]))):
                continue
            alts = [a for a in cols[3].split(",") + extra.get(cols[0], []) if keep_name(a)]
            cols[3] = ",".join(dict.fromkeys(a for a in alts if a != cols[1]))
            rows.append([" ".join(c.split()) if i != 3 else c for i, c in enumerate(cols)])
            n += 1
        print(f"{cc}: {n} places", file=sys.stderr)
    rows.sort(key=lambda r: int(r[0]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print(f"wrote {len(rows)} rows to {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
