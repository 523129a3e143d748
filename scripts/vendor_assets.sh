#!/bin/sh
# Re-fetch the JavaScript and CSS that geomap's maps carry inline, from the npm
# registry, into geomap/render/assets/ (one folder per package, licence kept).
#
#   scripts/vendor_assets.sh            # the pinned versions below
#   LEAFLET=1.9.4 scripts/vendor_assets.sh
#
# Needs `npm` (only `npm pack` is used: nothing is installed or run).
# After running it, update the versions in geomap/render/assets/SOURCES.md
# (the script prints the sha512 integrity of each tarball).
set -eu

LEAFLET=${LEAFLET:-1.9.4}
MARKERCLUSTER=${MARKERCLUSTER:-1.5.3}
HEAT=${HEAT:-0.2.0}
FULLSCREEN=${FULLSCREEN:-5.3.3}

root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/geomap/render/assets"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

unpack() {  # unpack NAME@VERSION into $tmp/NAME and print the tarball's integrity
    pkg=$1
    name=${pkg%@*}
    (cd "$tmp" && npm pack --silent "$pkg" >/dev/null)
    mkdir -p "$tmp/$name"
    tar xzf "$tmp/$(echo "$name" | tr -d @ | tr / -)-${pkg##*@}.tgz" -C "$tmp/$name"
    printf '%s  %s\n' "$pkg" "$(npm view "$pkg" dist.integrity 2>/dev/null || echo '?')"
}

put() {  # put SRC DEST-FOLDER
    mkdir -p "$dest/$2"
    cp "$1" "$dest/$2/"
    chmod 644 "$dest/$2/$(basename "$1")"
}

unpack "leaflet@$LEAFLET"
p="$tmp/leaflet/package"
put "$p/dist/leaflet.js" leaflet
put "$p/dist/leaflet.css" leaflet
put "$p/LICENSE" leaflet
for img in layers.png layers-2x.png marker-icon.png; do
    put "$p/dist/images/$img" leaflet/images
done

unpack "leaflet.markercluster@$MARKERCLUSTER"
p="$tmp/leaflet.markercluster/package"
put "$p/dist/leaflet.markercluster.js" leaflet.markercluster
put "$p/dist/MarkerCluster.css" leaflet.markercluster
put "$p/dist/MarkerCluster.Default.css" leaflet.markercluster
put "$p/MIT-LICENCE.txt" leaflet.markercluster

unpack "leaflet.heat@$HEAT"
p="$tmp/leaflet.heat/package"
put "$p/dist/leaflet-heat.js" leaflet.heat
put "$p/LICENSE" leaflet.heat

unpack "leaflet.fullscreen@$FULLSCREEN"
p="$tmp/leaflet.fullscreen/package"
put "$p/dist/Control.FullScreen.umd.js" leaflet.fullscreen
put "$p/dist/Control.FullScreen.css" leaflet.fullscreen
put "$p/LICENSE.md" leaflet.fullscreen

echo "assets written to $dest"
