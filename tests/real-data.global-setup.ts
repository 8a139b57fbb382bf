/**
 * vitest globalSetup: the unit tests read the team's real shapefiles in place (tests/fixtures/read-fixture.ts,
 * REAL_DATA). Without them some twenty specs would each fail with an ENOENT; this says once, before any test
 * runs, which folder is missing and how to provide it.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { REAL_DATA } from './fixtures/read-fixture';

/** The files the specs read: the folder being there but empty or partial fails just as clearly. */
const REQUIRED = ['banzhucun/斑竹村10000.shp', 'banzhucun/斑竹村10000.dbf', 'ae102-demo/DLTB.shp', 'ae102-demo/Polygon.shp', 'ae102-demo/Road.shp'];

export function realDataProblem(root: string): string | null {
  const abs = path.resolve(root);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) {
    return `real test data not found at ${abs}: set LANDPATROL_REAL_DATA or place the team's shared/data beside the repo (../shared/data/real)`;
  }
  const missing = REQUIRED.filter((f) => !existsSync(path.join(abs, f)));
  if (missing.length > 0) {
    return `real test data at ${abs} is incomplete (missing ${missing.join(', ')}): set LANDPATROL_REAL_DATA or place the team's shared/data beside the repo (../shared/data/real)`;
  }
  return null;
}

export default function setup(): void {
  const problem = realDataProblem(REAL_DATA);
  if (!problem) return;
  // Said once and alone: a thrown error here would be printed after vitest's misleading "No test files found"
  // and above a stack trace of vitest's own internals.
  process.stderr.write(`\n${problem}\n\n`);
  process.exit(1);
}
