/**
 * Writes tests/fixtures/db/v5-database.json: a schema-5 database as the v5 app left it (origin in
 * tests/fixtures/db/README.md).
 *
 * Run: npx esbuild scripts/make-db-v5-fixture.ts --bundle --platform=node --format=esm --outfile=/tmp/make-v5.mjs && node /tmp/make-v5.mjs
 *
 * Schema 5 added patrolAreas, patrolTasks and attachments and changed no earlier store, so the earlier stores are the v4
 * fixture's records exactly as its upgrade left them (untouched; the v1 patrol is still stored as version 1: records
 * are migrated on read, written back only when edited). The new stores hold what a v5 office stored, made by the v5
 * record factories (commit c7f11df, the last with schema 5): a key area and a stop-notice site, a day's task, one
 * patrol written under schema 5 (patrol record version 2) with an attachment, and that attachment's bytes. Names,
 * numbers and findings are made up.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { createPatrolArea } from '../shared/domain/patrol/patrol-area-record';
import { createTask } from '../shared/domain/patrol/task-record';
import { createPatrol } from '../shared/domain/patrol/patrol-record';
import type { DateKey } from '../shared/domain/patrol/calendar';

// Run from the project's root (as the command above does).
const FIX = path.join(process.cwd(), 'tests', 'fixtures', 'db');
const v4 = JSON.parse(readFileSync(path.join(FIX, 'v4-database.json'), 'utf8')) as Record<string, unknown>;

const at = 1795744800000; // 2026-11-27T02:00:00Z = 10:00 in China
const by = '李晓燕';
const square = (x: number, y: number, d: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});
const park = createPatrolArea(
  { id: 'R0park', kind: 'keyArea', keyAreaKind: '工业集中区', name: '杏园工业园', geometry: square(117.04, 36.66, 0.01) },
  by,
  at,
);
const site = createPatrolArea(
  {
    id: 'R0site',
    kind: 'stopNoticeSite',
    name: '砖厂东侧停工地块',
    geometry: square(117.06, 36.67, 0.002),
    stopNotice: { noticeNo: '历国土停〔2026〕007号', noticeDate: '2026-11-21' as DateKey, closedDate: null },
  },
  by,
  at,
);
if (!park.ok || !site.ok) throw new Error(`patrol area: ${park.ok ? '' : park.reason} ${site.ok ? '' : site.reason}`);
const task = createTask({ id: 'T0task1', date: '2026-11-27' as DateKey, areaIds: ['R0park', 'R0site', 'A0cell01'] }, by, at);
const photo = 'a photo attached to a v5 patrol (not a real JPEG)';
const sha256 = createHash('sha256').update(photo).digest('hex');
const patrol = createPatrol(
  {
    id: 'Pmiv5abc0002',
    number: 'XC20261127001',
    startedAt: at - 3 * 3600_000,
    endedAt: at - 3600_000,
    officers: [{ name: by, certNo: '鲁执 37010001' }],
    areaIds: ['A0cell01', 'R0site'],
    findings: '停工地块未复工',
    attachments: [{ name: '现场.jpg', mime: 'image/jpeg', size: photo.length, sha256 }],
  },
  by,
  at,
);
const out = {
  about: 'A schema-5 LandPatrol database (Dexie version 5, IndexedDB version 50); written by scripts/make-db-v5-fixture.ts, see README.md.',
  ...Object.fromEntries(['layers', 'layerData', 'sourceFiles', 'settings', 'tileCache', 'gridAreas', 'patrolRules'].map((k) => [k, v4[k]])),
  patrols: [...(v4.patrols as unknown[]), patrol],
  patrolAreas: [park.value, site.value],
  patrolTasks: [task],
  attachments: [{ v: 1, sha256, name: '现场.jpg', mime: 'image/jpeg', size: photo.length, data: { $blob: photo, type: 'image/jpeg' }, storedAt: at }],
};
writeFileSync(path.join(FIX, 'v5-database.json'), JSON.stringify(out, null, 1) + '\n');
console.log('wrote v5-database.json');
