#!/bin/sh
# Synthetic camera photos for the EXIF tests (tests/fixtures/photos), made with ImageMagick and exiftool
# (Debian: imagemagick, libimage-exiftool-perl) — none of the real sample JPEGs carries a bearing, and those are
# read in place from ../shared/data/photos, never copied here. Then the oracle: exiftool's own readings of every
# photo the tests use (tests/oracles/exif.json, scripts/make-exif-oracle.py).
set -eu
cd "$(dirname "$0")/.."
out=tests/fixtures/photos
mkdir -p "$out"
# 1. A phone photo on a site in Shandong: local time with its offset, position, altitude, true bearing 123.45°.
/usr/bin/convert -size 96x64 gradient:'#6a8f3c'-'#c9b27c' -quality 80 "$out/site-true-bearing.jpg"
exiftool -q -overwrite_original -Make=Xiaomi -Model='Redmi Note 12' -DateTimeOriginal='2026:04:20 09:41:07' -OffsetTimeOriginal='+08:00' \
  -GPSLatitude=35.123456 -GPSLatitudeRef=N -GPSLongitude=117.654321 -GPSLongitudeRef=E -GPSAltitude=81.5 -GPSAltitudeRef=0 \
  -GPSImgDirection=123.45 -GPSImgDirectionRef=T -Orientation=6 -n "$out/site-true-bearing.jpg"
# 2. A camera without a clock offset, a magnetic bearing, below sea level (a mine pit), southern/western signs.
/usr/bin/convert -size 64x96 gradient:'#777'-'#ddd' -quality 80 "$out/pit-magnetic.jpg"
exiftool -q -overwrite_original -Make=Canon -Model='PowerShot' -DateTimeOriginal='2026:04:21 15:02:59' \
  -GPSLatitude=12.5 -GPSLatitudeRef=S -GPSLongitude=45.25 -GPSLongitudeRef=W -GPSAltitude=12.25 -GPSAltitudeRef=1 \
  -GPSImgDirection=7.5 -GPSImgDirectionRef=M -n "$out/pit-magnetic.jpg"
# 3. No EXIF at all (a screenshot saved as JPEG).
/usr/bin/convert -size 32x32 xc:'#3366cc' -strip "$out/no-exif.jpg"
/usr/bin/python3 scripts/make-exif-oracle.py
