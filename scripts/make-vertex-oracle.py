#!/usr/bin/env python3
"""Reference positions for typed vertices (renderer/map/tools/vertex-input.logic.spec.ts).

Run: /usr/bin/python3 scripts/make-vertex-oracle.py   (writes tests/oracles/vertex-input.json)

PROJ (pyproj) takes each typed Gauss-Kruger coordinate from its CGCS2000 zone CRS, chosen by EPSG code (3-degree zones
with the zone in the easting: EPSG:4513-4533, without: 4534-4554; 6-degree: 4491-4501 and 4502-4512), to CGCS2000
lon/lat (EPSG:4490). The texts are the forms an officer types from a survey table (X = north first), with Chinese
punctuation and full-width digits.
"""
import json
import os

from pyproj import CRS, Transformer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'oracles', 'vertex-input.json')


def epsg(width, zone, prefix):
    if width == 3:
        return (4513 if prefix else 4534) + zone - 25
    return (4491 if prefix else 4502) + zone - 13


def to_lnglat(x_north, y_east, width, zone, prefix):
    t = Transformer.from_crs(CRS.from_epsg(epsg(width, zone, prefix)), CRS.from_epsg(4490), always_xy=True)
    return list(t.transform(y_east, x_north))


def gk(text, x, y, width, zone, prefix, given_zone=None):
    return {
        'text': text,
        'givenZone': given_zone,
        'kind': 'gk',
        'xNorth': x,
        'yEast': y,
        'zone': {'width': width, 'zone': zone},
        'zonePrefix': prefix,
        'epsg': epsg(width, zone, prefix),
        'lngLat': to_lnglat(x, y, width, zone, prefix),
    }


Z39 = {'width': 3, 'zone': 39, 'centralMeridian': 117}
Z38 = {'width': 3, 'zone': 38, 'centralMeridian': 114}

cases = [
    gk('3875969.496, 39511268.446', 3875969.496, 39511268.446, 3, 39, True),
    gk('3875969.496，39511268.446', 3875969.496, 39511268.446, 3, 39, True),
    gk('X=3875969.496 Y=39511268.446', 3875969.496, 39511268.446, 3, 39, True),
    gk('Y=39511268.446，X=3875969.496', 3875969.496, 39511268.446, 3, 39, True),
    gk('x: 3875969.496  y: 511268.446', 3875969.496, 511268.446, 3, 39, False, Z39),
    gk('3875969.496 511268.446', 3875969.496, 511268.446, 3, 39, False, Z39),
    # The prefix wins over the zone the caller gives.
    gk('3875969.496, 39511268.446', 3875969.496, 39511268.446, 3, 39, True, Z38),
    # Typed Y first: only the first number carries a zone prefix.
    gk('39511268.446 3875969.496', 3875969.496, 39511268.446, 3, 39, True),
    # Full-width digits, the ideographic comma.
    gk('３８７５９６９．４９６、３９５１１２６８．４４６', 3875969.496, 39511268.446, 3, 39, True),
    # A 6-degree zone (20, CM 117E) with its prefix, and one far from the CM of a 3-degree zone (38, CM 114E).
    gk('3875969.496, 20511268.446', 3875969.496, 20511268.446, 6, 20, True),
    gk('X=3412345.678 Y=38612345.678', 3412345.678, 38612345.678, 3, 38, True),
    {'text': '117.1234567 35.0123456', 'givenZone': None, 'kind': 'lngLat', 'lngLat': [117.1234567, 35.0123456]},
    {'text': '35.0123456，117.1234567', 'givenZone': None, 'kind': 'lngLat', 'lngLat': [117.1234567, 35.0123456]},
    {'text': '经度 117.1234567 纬度 35.0123456', 'givenZone': None, 'kind': 'lngLat', 'lngLat': [117.1234567, 35.0123456]},
    {'text': '', 'givenZone': None, 'kind': 'refused', 'reason': 'empty'},
    {'text': 'abc', 'givenZone': None, 'kind': 'refused', 'reason': 'unreadable'},
    {'text': '3875969.496', 'givenZone': None, 'kind': 'refused', 'reason': 'unreadable'},
    {'text': '1 2 3', 'givenZone': None, 'kind': 'refused', 'reason': 'unreadable'},
    {'text': 'X=3875969.496', 'givenZone': None, 'kind': 'refused', 'reason': 'unreadable'},
    {'text': '3875969.496, 511268.446', 'givenZone': None, 'kind': 'refused', 'reason': 'zoneNeeded'},
    {'text': '3875969.496, 99511268.446', 'givenZone': None, 'kind': 'refused', 'reason': 'badZone'},
    {'text': '3875969.496, 24511268.446', 'givenZone': None, 'kind': 'refused', 'reason': 'badZone'},
    {'text': '10.5 20.5', 'givenZone': None, 'kind': 'refused', 'reason': 'outsideChina'},
    {'text': '117.5 3875969.496', 'givenZone': None, 'kind': 'refused', 'reason': 'unreadable'},
]

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, 'w') as f:
    json.dump({'cases': cases}, f, indent=1, ensure_ascii=False)
    f.write('\n')
print(f'wrote {OUT}: {len(cases)} cases')
