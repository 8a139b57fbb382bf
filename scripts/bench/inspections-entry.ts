/**
 * The inspections benchmark's data, made in the page (bundled by scripts/bench/inspections.mjs with esbuild and run
 * through page.evaluate, so 10,000 records never travel as one JSON argument): a county of 12 townships × 8
 * villages, each record made by the record module itself (createInspection, then draft saves, a submission and the
 * status moves status.ts allows — every history entry hashed as the app hashes it), with a plot of 6–10 vertices, and
 * 1,000 photos' metadata spread over the records. Written into the app's own IndexedDB (the schema the app created
 * when it first opened) in batches of 500, one transaction each, with the raw IndexedDB API.
 *
 * Also the reference: the same page reading the raw records with getAll and filtering them with a plain loop.
 */
import type { Polygon } from 'geojson';
import {
  amendInspection,
  createInspection,
  moveInspectionStatus,
  saveInspectionDraft,
  submitInspection,
  type Conclusion,
  type Inspection,
  type InspectionPatch,
  type InspectionSource,
  type SaveResult,
} from '../../shared/domain/inspection/inspection-record';
import { formatRecordNumber, DEFAULT_NUMBER_PATTERN } from '../../shared/domain/inspection/numbering';
import type { InspectionStatus } from '../../shared/domain/inspection/status';
import { localDateOf } from '../../shared/domain/patrol/calendar';

const TOWNSHIPS = ['石桥镇', '杏园镇', '柳河乡', '青山镇', '白沙镇', '龙泉乡', '东湖镇', '西岭乡', '南坪镇', '北塘镇', '新集镇', '高庄乡'];
const VILLAGES = ['一村', '二村', '三村', '四村', '五村', '六村', '七村', '八村'];
const USERS = [
  { name: '张三', certNo: '鲁执0012' },
  { name: '李四', certNo: '鲁执0031' },
];

/** Park–Miller: the same county on every run. */
function rng(seed: number) {
  let s = seed % 2147483647;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

function plot(rand: () => number, lng: number, lat: number): Polygon {
  const n = 6 + Math.floor(rand() * 5);
  const r = 0.0003 + rand() * 0.0006; // ~30–90 m
  const ring: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * 2 * Math.PI;
    const k = 0.7 + rand() * 0.3;
    ring.push([lng + r * k * Math.cos(a), lat + r * k * Math.sin(a) * 0.8]);
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return { type: 'Polygon', coordinates: [ring] };
}

const must = (r: SaveResult): Inspection => {
  if (!r.ok) throw new Error(`bench data: ${r.reason}`);
  return r.record;
};

/** The status mix of a year's 卫片 check: most checked and closed, some stopped, filed, still pending. */
const TARGETS: [InspectionStatus, number][] = [
  ['pending', 0.15],
  ['checked', 0.2],
  ['stopped', 0.15],
  ['filed', 0.15],
  ['closed', 0.35],
];

export function makeInspections(n: number, photoCount: number, seed = 11): { records: Inspection[]; photos: Record<string, unknown>[] } {
  const rand = rng(seed);
  const start = Date.UTC(2026, 0, 5, 1);
  const photos: Record<string, unknown>[] = [];
  const hex = () => Math.floor(rand() * 0xffffffff).toString(16).padStart(8, '0');
  for (let i = 0; i < photoCount; i++) {
    const sha256 = Array.from({ length: 8 }, hex).join('');
    photos.push({ sha256, v: 1, name: `IMG_${String(1000 + i)}.jpg`, size: 2_000_000 + Math.floor(rand() * 2_000_000), mime: 'image/jpeg', takenAt: null, lngLat: null, directionDeg: null, addedAt: start });
  }
  const records: Inspection[] = [];
  const seqByYear = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const ti = Math.floor(rand() * TOWNSHIPS.length);
    const vi = Math.floor(rand() * VILLAGES.length);
    const township = TOWNSHIPS[ti]!;
    // Townships on a 4 × 3 grid around 117°E 35°N (zone 39), villages within them.
    const lng = 116.85 + (ti % 4) * 0.09 + (vi % 4) * 0.02 + rand() * 0.018;
    const lat = 34.95 + Math.floor(ti / 4) * 0.08 + Math.floor(vi / 4) * 0.035 + rand() * 0.03;
    const at = start + Math.floor(rand() * 300) * 86_400_000 + Math.floor(rand() * 8 * 3_600_000);
    const day = localDateOf(at);
    const year = day.slice(0, 4);
    const seq = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, seq);
    const kind = rand();
    const taskNo = `WP${year}${String(ti + 1).padStart(2, '0')}${String(i).padStart(5, '0')}`;
    const source: InspectionSource =
      kind < 0.7
        ? { kind: 'patch', layerId: 'bench-patches', featureId: i, patchNo: taskNo }
        : kind < 0.85
          ? { kind: 'patrol', patrolId: `P${i}`, patrolNumber: `XC${day.replaceAll('-', '')}${String(i % 100).padStart(2, '0')}` }
          : { kind: 'tip', channel: '12336', reporter: '群众', reportedAt: at - 86_400_000, content: '反映有人占地建房' };
    const by = USERS[i % 2]!.name;
    let r = createInspection(
      {
        id: `Ibench${String(i).padStart(6, '0')}`,
        number: formatRecordNumber(DEFAULT_NUMBER_PATTERN, day, seq),
        source,
        taskNo: source.kind === 'patch' ? taskNo : '',
        location: { township, village: `${township.slice(0, 2)}${VILLAGES[vi]}`, areaId: null, place: `${township.slice(0, 2)}${VILLAGES[vi]}${1 + Math.floor(rand() * 9)}组东侧` },
        geometry: plot(rand, lng, lat),
        zone: { width: 3, zone: 39, centralMeridian: 117 },
      },
      by,
      at,
    );
    let u = rand();
    let target: InspectionStatus = 'closed';
    for (const [s, p] of TARGETS) {
      if (u < p) {
        target = s;
        break;
      }
      u -= p;
    }
    if (target !== 'pending') {
      const illegal = target === 'stopped' || target === 'filed' || rand() < 0.4;
      const conclusion: Conclusion = illegal ? 'illegal' : rand() < 0.6 ? 'legal' : 'falseChange';
      const photoHashes = rand() < 0.3 ? photos.slice(i % photoCount, (i % photoCount) + 1 + Math.floor(rand() * 3)).map((p) => p.sha256 as string) : [];
      const t1 = at + 3_600_000;
      r = must(
        saveInspectionDraft(
          r,
          {
            inspectedAt: t1,
            inspectors: USERS,
            party: { kind: 'person', name: `王${'一二三四五六七八九'[i % 9]}${'明华强军'[i % 4]}`, idNo: '', contact: '', address: '' },
            landUse: illegal ? '建房' : '耕地',
            construction: illegal ? 'building' : null,
            conclusion,
            violationTypes: illegal ? ['未报即用'] : [],
            photoHashes,
            description: '现场核查，情况属实。',
          },
          by,
          t1,
        ),
      );
      r = must(saveInspectionDraft(r, { measures: illegal ? '已口头责令停止' : '' }, by, t1 + 600_000));
      r = must(submitInspection(r, by, t1 + 1_200_000));
      const t2 = t1 + 5 * 86_400_000;
      r = moveTo(r, target, by, t2, illegal, rand);
    }
    records.push(r);
  }
  return { records, photos };
}

/** The moves status.ts allows from 已核查 to `target` (已制止 with its stop notice, recorded by an amendment). */
function moveTo(r0: Inspection, target: InspectionStatus, by: string, at: number, illegal: boolean, rand: () => number): Inspection {
  let r = r0;
  if (target === 'checked') return r;
  const stop = illegal && (target === 'stopped' || rand() < 0.6);
  if (stop) {
    const amended = saveNotice(r, by, at);
    r = must(moveInspectionStatus(amended, 'stopped', by, at + 60_000));
  }
  if (target === 'stopped') return r;
  if (illegal && (target === 'filed' || rand() < 0.7)) r = must(moveInspectionStatus(r, 'filed', by, at + 86_400_000));
  if (target === 'filed') return r;
  return must(moveInspectionStatus(r, 'closed', by, at + 30 * 86_400_000));
}

function saveNotice(r: Inspection, by: string, at: number): Inspection {
  const day = localDateOf(at);
  // A submitted record changes by an amendment with a reason, as the app does it.
  return must(amend(r, { stopNotice: { number: `责停〔${day.slice(0, 4)}〕${r.id.slice(-4)}号`, date: day } }, by, at));
}

const amend = (old: Inspection, patch: InspectionPatch, by: string, at: number): SaveResult => amendInspection(old, patch, '送达责令停止违法行为通知书', by, at);

/** Writes the records and photos into the app's database (created by the app at its first start). */
async function writeAll(records: Inspection[], photos: Record<string, unknown>[]): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const q = indexedDB.open('landpatrol');
    q.onsuccess = () => resolve(q.result);
    q.onerror = () => reject(q.error);
  });
  const put = (store: string, list: unknown[]) =>
    new Promise<void>((resolve, reject) => {
      const tx = db.transaction(store, 'readwrite');
      const s = tx.objectStore(store);
      for (const x of list) s.put(x);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  for (let i = 0; i < records.length; i += 500) await put('inspections', records.slice(i, i + 500));
  await put('photos', photos);
  db.close();
}

/** The reference: getAll of the raw records and a plain filter (status and township), as a page would do it alone. */
async function reference(status: string, township: string): Promise<{ readMs: number; filterMs: number; matched: number; total: number }> {
  const t0 = performance.now();
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const q = indexedDB.open('landpatrol');
    q.onsuccess = () => resolve(q.result);
    q.onerror = () => reject(q.error);
  });
  const all = await new Promise<Inspection[]>((resolve, reject) => {
    const q = db.transaction('inspections').objectStore('inspections').getAll();
    q.onsuccess = () => resolve(q.result as Inspection[]);
    q.onerror = () => reject(q.error);
  });
  db.close();
  const t1 = performance.now();
  let matched = 0;
  for (const r of all) if (r.status === status && r.location.township === township) matched++;
  return { readMs: t1 - t0, filterMs: performance.now() - t1, matched, total: all.length };
}

const g = globalThis as unknown as Record<string, unknown>;
g.__lpBenchInspections = {
  async seed(n: number, photoCount: number) {
    const t0 = performance.now();
    const { records, photos } = makeInspections(n, photoCount);
    const t1 = performance.now();
    await writeAll(records, photos);
    const statuses: Record<string, number> = {};
    for (const r of records) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    return { records: records.length, photos: photos.length, makeMs: t1 - t0, writeMs: performance.now() - t1, statuses };
  },
  reference,
};
