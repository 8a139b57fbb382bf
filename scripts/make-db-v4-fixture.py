#!/usr/bin/env python3
"""Writes tests/fixtures/db/v4-database.json: a schema-4 database as the v4 app left it (origin in tests/fixtures/db/README.md).

Run: /usr/bin/python3 scripts/make-db-v4-fixture.py

Schema 4 added gridAreas, patrolRules and patrols and changed no earlier store, so its layers, layer data, source files,
settings and tiles are the v3 fixture's records exactly as the v3 -> v4 upgrade left them (untouched). The new stores
hold what a v4 office had stored: the good grid areas of grid-areas-v1.json (a county, a township, a village that is a
key area, a cell), two patrol rules in the shape of shared/domain/patrol/rule.ts (version 1) and one patrol of
shared/domain/patrol/patrol-record.ts (version 1) with its created entry. Names and numbers are made up.
"""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIX = os.path.join(ROOT, 'tests', 'fixtures', 'db')

v3 = json.load(open(os.path.join(FIX, 'v3-database.json')))
grid = json.load(open(os.path.join(FIX, 'grid-areas-v1.json')))['gridAreas']

started = 1795140000000  # 2026-11-20T02:00:00Z = 10:00 in China
out = {
    'about': 'A schema-4 LandPatrol database (Dexie version 4, IndexedDB version 40); written by scripts/make-db-v4-fixture.py, see README.md.',
    **{k: v3[k] for k in ('layers', 'layerData', 'sourceFiles', 'settings', 'tileCache')},
    'gridAreas': [a for a in grid if a['id'] in ('A0county', 'A0town', 'A0village', 'A0cell01')],
    'patrolRules': [
        {'v': 1, 'id': 'default.township-weekly', 'name': '国土所每周巡查不少于 2 次', 'minCount': 2, 'per': 'week', 'by': 'township', 'appliesTo': 'area'},
        {'v': 1, 'id': 'office.park-daily', 'name': '杏园工业园每周巡查 5 次', 'minCount': 5, 'per': 'week', 'by': 'any', 'appliesTo': 'keyArea'},
    ],
    'patrols': [
        {
            'v': 1, 'id': 'Pmi6v4abc0001', 'number': 'XC20261120001', 'startedAt': started, 'date': '2026-11-20',
            'endedAt': started + 7200000, 'officers': [{'name': '李晓燕', 'certNo': '鲁执 37010001'}], 'areaIds': ['A0cell01'],
            'route': [[[117.05, 36.68, started], [117.06, 36.67, started + 600000]]], 'routeSource': {'kind': 'drawn'},
            'findings': '砖厂东侧新堆土', 'measures': '', 'notes': '', 'nothingFound': False, 'attachments': [],
            'history': [{'at': started + 7300000, 'by': '李晓燕', 'kind': 'created', 'change': []}],
            'createdAt': started + 7300000, 'updatedAt': started + 7300000, 'deletedAt': None,
        }
    ],
}
assert len(out['gridAreas']) == 4
with open(os.path.join(FIX, 'v4-database.json'), 'w') as f:
    json.dump(out, f, ensure_ascii=False, indent=1)
    f.write('\n')
print('wrote v4-database.json')
