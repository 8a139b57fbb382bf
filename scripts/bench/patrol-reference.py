#!/usr/bin/python3
"""The patrol benchmark's reference: the same work as ours and no more, on GEOS (shapely 2), PROJ and GeographicLib.

  coverage CELLS.geojson TRACK.gpx  → read both (json, ElementTree), project the cells and the track into their GK
      zone (PROJ), index the cells (STRtree), intersect each track segment with the cells whose box it meets
      (GEOS; shapely 1.8 here), and sum per cell the pieces' geodesic lengths (GeographicLib through pyproj.Geod, between
      the pieces' ends taken back to lon/lat) and their share of the segment's time; a cell is covered from 200 m or
      300 s. Prints {"ms", "points", "cells": [{"id", "insideMetres", "insideSeconds", "covered"}]}.
  compliance YEAR.json → for each area and each of its rules, the patrols by the rule's role in each ISO week /
      month / quarter of the period begun by asOf (China days), counted with bisect; stop-notice sites' last
      follow-up and days since. Prints {"ms", "areas", "done", "windowsMet", "overdueSites"}.
Times exclude Python's start-up and imports, as ours exclude Node's.
"""
import bisect
import json
import math
import sys
import time
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta

from pyproj import Geod, Transformer
from shapely.geometry import LineString, Point, Polygon
from shapely.strtree import STRtree

GEOD = Geod(ellps='GRS80')
NS = '{http://www.topografix.com/GPX/1/1}'


def coverage(cells_path, gpx_path):
    t0 = time.perf_counter()
    with open(cells_path, encoding='utf-8') as f:
        fc = json.load(f)
    root = ET.parse(gpx_path).getroot()
    pts = [(float(p.get('lon')), float(p.get('lat')), datetime.fromisoformat(p.findtext(NS + 'time').replace('Z', '+00:00')).timestamp())
           for p in root.iter(NS + 'trkpt')]
    lons = [c[0] for f in fc['features'] for c in f['geometry']['coordinates'][0]]
    zone = math.floor(((min(lons) + max(lons)) / 2 + 1.5) / 3)
    fwd = Transformer.from_crs('EPSG:4490', f'EPSG:{4534 + zone - 25}', always_xy=True)
    inv = Transformer.from_crs(f'EPSG:{4534 + zone - 25}', 'EPSG:4490', always_xy=True)
    cells = []
    for f in fc['features']:
        ring = f['geometry']['coordinates'][0]
        xs, ys = fwd.transform([p[0] for p in ring], [p[1] for p in ring])
        cells.append(Polygon(list(zip(xs, ys))))
    index_of = {id(c): i for i, c in enumerate(cells)}
    tree = STRtree(cells)
    x, y = fwd.transform([p[0] for p in pts], [p[1] for p in pts])
    metres = {}
    seconds = {}
    for i in range(1, len(pts)):
        a, b = (x[i - 1], y[i - 1]), (x[i], y[i])
        if a == b:
            continue  # a walker standing still adds neither metres nor a crossing
        seg = LineString([a, b])
        dt = pts[i][2] - pts[i - 1][2]
        for cell in tree.query(seg):
            if not cell.intersects(seg):
                continue
            g = cell.intersection(seg)
            parts = [g] if g.geom_type == 'LineString' else [q for q in getattr(g, 'geoms', []) if q.geom_type == 'LineString']
            for part in parts:
                if part.is_empty:
                    continue
                (ax, ay), (bx, by) = part.coords[0], part.coords[-1]
                (la, lb), (pa, pb) = inv.transform([ax, bx], [ay, by])
                c = index_of[id(cell)]
                metres[c] = metres.get(c, 0.0) + GEOD.line_length([la, lb], [pa, pb])
                share = abs(seg.project(Point(bx, by)) - seg.project(Point(ax, ay))) / seg.length
                seconds[c] = seconds.get(c, 0.0) + dt * share
    out = [{'id': fc['features'][c]['properties']['id'], 'insideMetres': metres[c], 'insideSeconds': seconds.get(c),
            'covered': metres[c] >= 200 or seconds.get(c, 0) >= 300} for c in sorted(metres)]
    return {'ms': (time.perf_counter() - t0) * 1000, 'points': len(pts), 'cells': out}


def day_number(key):
    return date.fromisoformat(key).toordinal()


def windows(frm, to, per):
    a, b = date.fromisoformat(frm), date.fromisoformat(to)
    out = []
    if per == 'week':
        s = a - timedelta(days=a.isoweekday() - 1)
        while s <= b:
            out.append((s, s + timedelta(days=6)))
            s += timedelta(days=7)
    else:
        step = 1 if per == 'month' else 3
        m = a.month if per == 'month' else (a.month - 1) // 3 * 3 + 1
        s = date(a.year, m, 1)
        while s <= b:
            nm = s.month + step
            n = date(s.year + (nm - 1) // 12, (nm - 1) % 12 + 1, 1)
            out.append((s, n - timedelta(days=1)))
            s = n
    return out


RULES = {
    'default.township-weekly': (2, 'week', 'township'),
    'default.county-monthly': (2, 'month', 'county'),
    'default.leader-quarterly': (1, 'quarter', 'leader'),
    'default.key-area-weekly': (3, 'week', 'any'),
}


def compliance(year_path):
    with open(year_path, encoding='utf-8') as f:
        y = json.load(f)
    t0 = time.perf_counter()
    as_of = day_number(y['asOf'])
    by_area = {}
    for p in y['patrols']:
        if p['deletedAt'] is not None:
            continue
        day = (datetime.utcfromtimestamp(p['startedAt'] / 1000) + timedelta(hours=8)).date().toordinal()
        roles = {y['roles'].get(o['name']) for o in p['officers']} - {None}
        for a in set(p['areaIds']):
            by_area.setdefault(a, []).append((day, roles))
    for lst in by_area.values():
        lst.sort(key=lambda t: t[0])
    wins = {rid: [(s.toordinal(), e.toordinal()) for s, e in windows(y['from'], y['to'], per) if s.toordinal() <= as_of]
            for rid, (_n, per, _by) in RULES.items()}
    done_total = met_total = overdue_sites = 0
    for area in y['areas']:
        lst = by_area.get(area['id'], [])
        days_by = {}
        for rid in area['ruleIds']:
            if rid not in RULES:
                continue
            need, _per, by = RULES[rid]
            if by not in days_by:
                days_by[by] = [d for d, roles in lst if by == 'any' or by in roles]
            ds = days_by[by]
            for s, e in wins[rid]:
                n = bisect.bisect_right(ds, e) - bisect.bisect_left(ds, s)
                done_total += n
                met_total += n >= need
        sn = area.get('stopNotice')
        if sn and day_number(sn['noticeDate']) <= as_of:
            notice = day_number(sn['noticeDate'])
            follow = [d for d, _r in lst if notice <= d <= as_of]
            last = follow[-1] if follow else notice
            overdue_sites += (as_of - last) > 3
    return {'ms': (time.perf_counter() - t0) * 1000, 'areas': len(y['areas']), 'done': done_total, 'windowsMet': met_total,
            'overdueSites': overdue_sites}


if __name__ == '__main__':
    kind = sys.argv[1]
    print(json.dumps(coverage(sys.argv[2], sys.argv[3]) if kind == 'coverage' else compliance(sys.argv[2])))
