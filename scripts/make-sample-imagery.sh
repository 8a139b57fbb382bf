#!/usr/bin/env bash
# Makes the sample township's synthetic imagery (issue 12 item 5) with GDAL, from the sample's own land-class
# parcels (shared/sample/township.ts), so a new user sees the parcels line up with the fields under them:
#   resources/sample/imagery/青石镇示例影像.mbtiles  EPSG:3857 PNG tiles, zoom 12–17 (gdal_translate -of MBTILES + gdaladdo)
#   resources/sample/imagery/青石镇示例影像.tif      GK zone 39 (EPSG:4527), 2 m pixels, RGB, DEFLATE, tiled, with overviews
# Run from the repository root: bash scripts/make-sample-imagery.sh   (needs gdal-bin, node)
set -euo pipefail
out=resources/sample/imagery
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

npx esbuild scripts/sample-imagery-fields.ts --bundle --platform=node --format=esm --log-level=warning --outfile="$tmp/fields.mjs"
node "$tmp/fields.mjs" --points tests/oracles/imagery-sample-points.json > "$tmp/fields.geojson"
ogr2ogr -f GPKG -s_srs EPSG:4490 -t_srs EPSG:4527 "$tmp/fields.gpkg" "$tmp/fields.geojson" -nln fields

# The township is 3,000 × 2,500 m from (39,498,000 E, 3,879,000 N); a 250 m margin of "countryside" around it.
w=39497750; s=3878750; e=39501250; n=3881750
# gdal_rasterize burns one attribute a run: R, G and B into three 1 m rasters, stacked as one RGB VRT.
for band in R:120 G:150 B:90; do
  gdal_rasterize -q -ot Byte -a_srs EPSG:4527 -te $w $s $e $n -tr 1 1 -init ${band#*:} -a ${band%%:*} -l fields "$tmp/fields.gpkg" "$tmp/${band%%:*}.tif"
done
gdalbuildvrt -q -separate "$tmp/rgb.vrt" "$tmp/R.tif" "$tmp/G.tif" "$tmp/B.tif"
gdal_translate -q -of GTiff -tr 2 2 -r average -co COMPRESS=DEFLATE -co PREDICTOR=2 -co TILED=YES -co PHOTOMETRIC=RGB "$tmp/rgb.vrt" "$out/青石镇示例影像.tif"
gdaladdo -q -r average "$out/青石镇示例影像.tif" 2 4 8

# MBTiles: warped to web mercator at zoom 17 (~0.98 m pixels at 35°N), then overviews down to zoom 12.
rm -f "$out/青石镇示例影像.mbtiles"
gdalwarp -q -t_srs EPSG:3857 -tr 1.19432856686 1.19432856686 -r near -dstalpha "$tmp/rgb.vrt" "$tmp/merc.tif"
gdal_translate -q -of MBTILES -co TILE_FORMAT=PNG -co ZOOM_LEVEL_STRATEGY=AUTO -co RESAMPLING=NEAREST \
  -co NAME=青石镇示例影像（合成） -co DESCRIPTION="LandPatrol sample imagery: synthetic, made from the sample township's land classes" \
  "$tmp/merc.tif" "$out/青石镇示例影像.mbtiles"
gdaladdo -q -r average "$out/青石镇示例影像.mbtiles" 2 4 8 16 32
ls -l "$out"
