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
# 4. A camera card from one site visit, on the sample township's first change patch (WP2026001, 116.98986–116.99260°E,
#    35.05325–35.05572°N): two 远景 from outside its southern corners looking in, a 近景 inside (held upright:
#    Orientation 6, a magnetic bearing), one from the northern edge looking south, and one whose phone wrote a
#    position but no bearing. 640 × 480, each with its own picture so the strip tells them apart.
mkdir -p "$out/card"
card() { # name colour-from colour-to lon lat time extra-exiftool-args…
  name=$1; from=$2; to=$3; lon=$4; lat=$5; time=$6; shift 6
  /usr/bin/convert -size 640x480 gradient:"$from"-"$to" -fill '#7a5230' -draw 'rectangle 220,250 430,400' \
    -fill '#404040' -draw 'polygon 200,250 325,170 450,250' -fill white -font /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf -pointsize 30 -annotate +20+44 "$name" -quality 85 "$out/card/$name.jpg"
  exiftool -q -overwrite_original -Make=HUAWEI -Model='Mate 40' -DateTimeOriginal="2026:04:20 $time" -OffsetTimeOriginal='+08:00' \
    -GPSLatitude="$lat" -GPSLatitudeRef=N -GPSLongitude="$lon" -GPSLongitudeRef=E -GPSAltitude=62.3 -GPSAltitudeRef=0 "$@" -n "$out/card/$name.jpg"
}
card DSC_0101 '#9fc5e8' '#8aa05a' 116.98950 35.05290 09:30:12 -GPSImgDirection=45 -GPSImgDirectionRef=T
card DSC_0102 '#a4c2f4' '#93a35f' 116.99300 35.05290 09:33:40 -GPSImgDirection=315 -GPSImgDirectionRef=T
card DSC_0103 '#cfe2f3' '#b6a16b' 116.99110 35.05430 09:38:05 -GPSImgDirection=10 -GPSImgDirectionRef=M -Orientation=6
card DSC_0104 '#b4cde6' '#7f9a4e' 116.99150 35.05560 09:41:51 -GPSImgDirection=180 -GPSImgDirectionRef=T
card DSC_0105 '#d0e0e3' '#a0a070' 116.99200 35.05380 09:45:30
/usr/bin/python3 scripts/make-exif-oracle.py
