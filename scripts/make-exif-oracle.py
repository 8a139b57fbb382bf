#!/usr/bin/python3
"""exiftool's readings of the photos the EXIF tests use (tests/oracles/exif.json): the real camera files of
../shared/data/photos (read in place) and the synthetic fixtures of scripts/make-photo-fixtures.sh.
Numbers with -n (decimal degrees, signed by their Ref; altitude signed by GPSAltitudeRef), times as written.
"""
import json
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REAL = os.environ.get('LANDPATROL_PHOTOS', os.path.join(ROOT, '..', 'shared', 'data', 'photos'))
FILES = {
    'real:jpg/gps/DSCN0010.jpg': os.path.join(REAL, 'jpg/gps/DSCN0010.jpg'),
    'real:jpg/gps/DSCN0021.jpg': os.path.join(REAL, 'jpg/gps/DSCN0021.jpg'),
    'real:heic/IMG_5195.HEIC': os.path.join(REAL, 'heic/IMG_5195.HEIC'),
    'real:jpg/orientation/landscape_6.jpg': os.path.join(REAL, 'jpg/orientation/landscape_6.jpg'),
    'real:jpg/mobile/jolla.jpg': os.path.join(REAL, 'jpg/mobile/jolla.jpg'),
    'real:jpg/xmp/no_exif.jpg': os.path.join(REAL, 'jpg/xmp/no_exif.jpg'),
    'fixture:site-true-bearing.jpg': os.path.join(ROOT, 'tests/fixtures/photos/site-true-bearing.jpg'),
    'fixture:pit-magnetic.jpg': os.path.join(ROOT, 'tests/fixtures/photos/pit-magnetic.jpg'),
    'fixture:no-exif.jpg': os.path.join(ROOT, 'tests/fixtures/photos/no-exif.jpg'),
    **{f'fixture:card/DSC_010{i}.jpg': os.path.join(ROOT, f'tests/fixtures/photos/card/DSC_010{i}.jpg') for i in range(1, 6)},
}
TAGS = ['DateTimeOriginal', 'OffsetTimeOriginal', 'GPSLatitude', 'GPSLongitude', 'GPSAltitude', 'GPSImgDirection', 'GPSImgDirectionRef',
        'Orientation', 'Make', 'Model']
out = {'exiftool': subprocess.check_output(['exiftool', '-ver'], text=True).strip(), 'photos': {}}
for key, path in FILES.items():
    rec = json.loads(subprocess.check_output(['exiftool', '-j', '-n', *[f'-{t}' for t in TAGS], path], text=True))[0]
    # -n gives GPSLatitude/Longitude unsigned for some writers: sign them by their Ref as exiftool's composite does.
    comp = json.loads(subprocess.check_output(['exiftool', '-j', '-n', '-Composite:GPSLatitude', '-Composite:GPSLongitude', '-Composite:GPSAltitude', path], text=True))[0]
    for t in ('GPSLatitude', 'GPSLongitude', 'GPSAltitude'):
        if t in comp:
            rec[t] = comp[t]
    rec.pop('SourceFile', None)
    out['photos'][key] = rec
with open(os.path.join(ROOT, 'tests/oracles/exif.json'), 'w', encoding='utf-8') as f:
    json.dump(out, f, ensure_ascii=False, indent=1)
print(f"{len(out['photos'])} photos read by exiftool {out['exiftool']}")
