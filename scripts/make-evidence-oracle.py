#!/usr/bin/env python3
"""Reference figures for the evidence map sheet (shared/domain/evidence/scale.spec.ts, map-sheet.spec.ts).

Run: /usr/bin/python3 scripts/make-evidence-oracle.py   (writes tests/oracles/evidence-convergence.json)

The meridian convergence comes from PROJ's own command-line tool, `proj -V` ("Convergence : 0d30'0.139\" [ 0.50003866 ]"),
with the CGCS2000 Gauss-Kruger definition (+proj=tmerc +ellps=GRS80 +lon_0=CM +x_0=false easting +k=1), which
also prints the point's easting and northing: our TypeScript gets those GK coordinates and must find the same gamma.
Places: Jinan (zone 39, CM 117E) at the CM, 1 deg and 1.5 deg east and west; Harbin (zone 42, 46N) near its zone
edge; Sanya (zone 37, 18N); a 6-degree zone point; a prefixed easting.
"""
import json
import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'oracles', 'evidence-convergence.json')

CASES = [
    # name, width, zone, cm, prefix, lon, lat
    ('jinan-cm', 3, 39, 117, False, 117.0, 36.65),
    ('jinan-east-0.3', 3, 39, 117, False, 117.3, 36.65),
    ('jinan-east-1', 3, 39, 117, False, 118.0, 36.65),
    ('jinan-west-1.4', 3, 39, 117, False, 115.6, 36.65),
    ('jinan-prefixed', 3, 39, 117, True, 117.21, 36.52),
    ('harbin-edge', 3, 42, 126, False, 127.45, 45.8),
    ('sanya', 3, 37, 111, False, 109.5, 18.25),
    ('6deg-zone20', 6, 20, 117, False, 119.4, 30.3),
]


def proj_v(cm, x0, lon, lat):
    cmd = ['proj', '-V', '+proj=tmerc', '+ellps=GRS80', f'+lon_0={cm}', f'+x_0={x0}', '+y_0=0', '+k=1']
    out = subprocess.run(cmd, input=f'{lon} {lat}\n', capture_output=True, text=True, check=True).stdout
    e = float(re.search(r'Easting \(x\):\s+([-\d.]+)', out).group(1))
    n = float(re.search(r'Northing \(y\):\s+([-\d.]+)', out).group(1))
    conv = float(re.search(r'Convergence\s*:.*\[\s*([-\d.]+)\s*\]', out).group(1))
    return e, n, conv


def main():
    version = subprocess.run(['proj'], capture_output=True, text=True).stderr.splitlines()[0]
    rows = []
    for name, width, zone, cm, prefix, lon, lat in CASES:
        x0 = (zone * 1_000_000 if prefix else 0) + 500_000
        e, n, conv = proj_v(cm, x0, lon, lat)
        rows.append({'name': name, 'zone': {'width': width, 'zone': zone, 'centralMeridian': cm}, 'zonePrefix': prefix,
                     'lon': lon, 'lat': lat, 'easting': e, 'northing': n, 'convergenceDeg': conv})
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump({'source': f'PROJ command line `proj -V` ({version.strip()})', 'cases': rows}, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print(f'wrote {OUT}: {len(rows)} cases')


if __name__ == '__main__':
    main()
