#!/usr/bin/env bash
# Reproduce eventwire/web/static/vendor/ from the npm registry: the map library, its marker
# clustering plugin, the world country outlines (offline base map) and the TopoJSON reader.
# Only the built files the page loads are copied, each package with its licence.
# Usage: scripts/vendor-web-assets.sh [SCRATCH_DIR]   (needs npm)
set -euo pipefail
cd "$(dirname "$0")/.."

LEAFLET=1.9.4
MARKERCLUSTER=1.5.3
WORLD_ATLAS=2.0.2
TOPOJSON_CLIENT=3.1.0

SCRATCH=${1:-$(mktemp -d)}
DEST=eventwire/web/static/vendor
mkdir -p "$SCRATCH"
(
  cd "$SCRATCH"
  [ -f package.json ] || npm init -y >/dev/null
  npm install --no-audit --no-fund --save-exact \
    "leaflet@$LEAFLET" "leaflet.markercluster@$MARKERCLUSTER" \
    "world-atlas@$WORLD_ATLAS" "topojson-client@$TOPOJSON_CLIENT" >/dev/null
)
NM="$SCRATCH/node_modules"

rm -rf "$DEST"
mkdir -p "$DEST/leaflet/images" "$DEST/markercluster" "$DEST/world-atlas" "$DEST/topojson-client"
cp "$NM/leaflet/dist/leaflet.js" "$NM/leaflet/dist/leaflet.css" "$NM/leaflet/LICENSE" \
  "$DEST/leaflet/"
cp "$NM"/leaflet/dist/images/*.png "$DEST/leaflet/images/"
cp "$NM/leaflet.markercluster/dist/leaflet.markercluster.js" \
  "$NM/leaflet.markercluster/dist/MarkerCluster.css" \
  "$NM/leaflet.markercluster/dist/MarkerCluster.Default.css" \
  "$NM/leaflet.markercluster/MIT-LICENCE.txt" "$DEST/markercluster/"
cp "$NM/world-atlas/countries-110m.json" "$NM/world-atlas/LICENSE" "$DEST/world-atlas/"
cp "$NM/topojson-client/dist/topojson-client.min.js" "$NM/topojson-client/LICENSE" \
  "$DEST/topojson-client/"
find "$DEST" -type f -exec chmod 644 {} +
cat > "$DEST/VERSIONS.txt" <<VERSIONS
leaflet $LEAFLET
leaflet.markercluster $MARKERCLUSTER
world-atlas $WORLD_ATLAS
topojson-client $TOPOJSON_CLIENT
VERSIONS
echo "vendor-web-assets: copied into $DEST"
