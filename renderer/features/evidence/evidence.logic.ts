/**
 * 导出证据, the pure part (issue 13): the dialog's defaults, the refusals (named reasons the dialog says in Chinese and
 * English), the record's plot in its Gauss-Krüger plane, each layer's role on the sheet, the named print pages, the
 * draft mark, and the names of the files in the evidence zip. No DOM, no React: specs beside it.
 */
import type { Inspection } from '../../../shared/domain/inspection/inspection-record';
import {
  comparisonStaleness,
  isStale,
  restoreStoredComparison,
  type Staleness,
  type StoredComparison,
} from '../../../shared/domain/inspection/comparison-run';
import type { RoleAssignment } from '../../../shared/domain/inspection/comparison';
import type { LayerKind } from '../../../shared/domain/layers/kind';
import type { PlotGk, SheetLayer } from '../../../shared/domain/evidence/inputs';
import { STANDARD_SCALES } from '../../../shared/domain/evidence/inputs';
import type { Mark, Paper, Sheet } from '../../../shared/domain/evidence/sheet-model';
import { toSafeFileName } from '../../../shared/validation/file-name';

/** Grid spacings offered on paper, mm (10 cm is the convention; 5 cm for a busy small sheet). */
export const GRID_SPACINGS_MM = [50, 100] as const;

export const SCALE_CHOICES = ['fit', ...STANDARD_SCALES] as const;

/** Why a record's evidence is not exported (the dialog says it; the batch writes it into 跳过.txt). */
export type ExportRefusal =
  | { reason: 'noGeometry' }
  | { reason: 'noComparison' }
  | { reason: 'comparisonUnreadable' }
  | { reason: 'staleComparison'; staleness: Staleness }
  /** Even 1:10,000 does not hold the plot on this paper: the user chooses A3 or a smaller scale denominator. */
  | { reason: 'doesNotFit'; scale: number }
  /** 打印地图: the view's centre is outside China's CGCS2000 zones (shared/domain/evidence/view-sheet.ts viewZone). */
  | { reason: 'outsideChina' };

export type RecordCheck = { ok: true; stored: StoredComparison } | { ok: false; refusal: ExportRefusal };

/**
 * What the export needs of a record: a plot, and a stored comparison of THAT plot against the layers as they are now
 * (the sheet's areas are the comparison's figures, so a stale one would print figures of another boundary or another
 * version of a layer). `rolesNow` null: the office's roles are not known (not held against the result).
 */
export function checkRecord(
  record: Pick<Inspection, 'geometry' | 'zone' | 'comparison'>,
  layersNow: readonly { id: string; dataVersion: number }[],
  rolesNow: readonly RoleAssignment[] | null,
): RecordCheck {
  if (!record.geometry) return { ok: false, refusal: { reason: 'noGeometry' } };
  if (record.comparison === null) return { ok: false, refusal: { reason: 'noComparison' } };
  const r = restoreStoredComparison(record.comparison);
  if (!r.ok) return { ok: false, refusal: { reason: 'comparisonUnreadable' } };
  const staleness = comparisonStaleness(r.value, record, layersNow, rolesNow);
  if (isStale(staleness)) return { ok: false, refusal: { reason: 'staleComparison', staleness } };
  return { ok: true, stored: r.value };
}

/** [minE, minN, maxE, maxN] of the plot. */
export function plotExtent(plot: PlotGk): [number, number, number, number] {
  let e0 = Infinity,
    n0 = Infinity,
    e1 = -Infinity,
    n1 = -Infinity;
  for (const poly of plot.polygons)
    for (const ring of poly)
      for (const [e, n] of ring) {
        e0 = Math.min(e0, e);
        e1 = Math.max(e1, e);
        n0 = Math.min(n0, n);
        n1 = Math.max(n1, n);
      }
  return [e0, n0, e1, n1];
}

/** Roles the stored comparison used, by layer id (the office's own choice of layers), then the layer's kind. */
export function sheetRoleOf(layer: { id: string; kind: LayerKind; name: string }, used: readonly { role: string; id: string }[]): SheetLayer['role'] {
  const u = used.find((l) => l.id === layer.id);
  if (u && (['farmland', 'landClass', 'planning', 'approval', 'supply'] as const).includes(u.role as never)) return u.role as SheetLayer['role'];
  switch (layer.kind) {
    case 'permanentFarmland':
      return 'farmland';
    case 'landClass':
      return 'landClass';
    case 'planningZone':
      return 'planning';
    case 'approvalSupply':
      return /供地|GDDK/i.test(layer.name) ? 'supply' : 'approval';
    case 'adminBoundary':
      return 'boundary';
    default:
      return 'other';
  }
}

// ── print pages ────────────────────────────────────────────────────────────────────────────────────────────────────

/** The CSS named page of a paper: a4p, a4l, a3p, a3l. */
export const pageNameOf = (p: Paper): string => `${p.name.toLowerCase()}${p.orientation === 'portrait' ? 'p' : 'l'}`;

/**
 * The print CSS for these sheets: one `@page` per paper used, with zero margins (the layout draws its own frame, and
 * a true scale needs the whole sheet), each sheet on its named page (Chromium prints pages of different sizes in one
 * PDF with preferCSSPageSize: measured, STACK-NOTES "Printing and PDF").
 */
export function printPageCss(sheets: readonly Sheet[], rootClass: string): string {
  const seen = new Map<string, Paper>();
  for (const s of sheets) seen.set(pageNameOf(s.paper), s.paper);
  const pages = [...seen].map(([name, p]) => `@page ${name} { size: ${p.widthMm}mm ${p.heightMm}mm; margin: 0; }`);
  const classes = [...seen].map(([name, p]) => `.${rootClass} .sheet-${name} { page: ${name}; width: ${p.widthMm}mm; height: ${p.heightMm}mm; }`);
  return [...pages, ...classes].join('\n');
}

/**
 * A draft's sheets carry 草稿 across each page (light, under nothing a reader needs) and a note at the foot: a draft may
 * be printed for checking, never mistaken for the submitted record's evidence.
 */
export function withDraftMark(sheets: readonly Sheet[], mark: string, note: string): Sheet[] {
  return sheets.map((s) => {
    const cx = s.paper.widthMm / 2;
    const cy = s.paper.heightMm / 2;
    const size = Math.min(s.paper.widthMm, s.paper.heightMm) * 0.9; // pt ≈ a third of the short side in mm
    const marks: Mark[] = [
      { kind: 'text', x: cx, y: cy, text: mark, sizePt: size, color: '#d0d0d0', anchor: 'middle', baseline: 'middle', rotateDeg: -30 },
      ...s.marks,
      { kind: 'text', x: s.paper.widthMm - 12, y: s.paper.heightMm - 6, text: note, sizePt: 8, color: '#c00000', anchor: 'end', baseline: 'middle' },
    ];
    return { ...s, marks };
  });
}

// ── the evidence zip ───────────────────────────────────────────────────────────────────────────────────────────────

export interface EvidenceNames {
  zip: string;
  pdf: string;
  png: string;
  baopan: string;
  manifestTxt: string;
  manifestJson: string;
  photoDir: string;
}

/** The files of one record's evidence set, named after its number (the case file names them so). */
export function evidenceNames(recordNumber: string, fallback: string): EvidenceNames {
  const n = toSafeFileName(recordNumber, fallback);
  return {
    zip: toSafeFileName(`证据-${n}.zip`),
    pdf: `${n}-证据.pdf`,
    png: `${n}-示意图.png`,
    baopan: `${n}-报盘坐标.txt`,
    manifestTxt: '清单.txt',
    manifestJson: '清单.json',
    photoDir: '照片原件',
  };
}

/**
 * The photo originals' names inside 照片原件/: each file's own name made safe, a name taken twice numbered
 * (IMG_0001.jpg, IMG_0001 (2).jpg) — two cameras name their files alike.
 */
export function photoEntryNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    const safe = toSafeFileName(raw, `photo-${i + 1}.jpg`);
    let name = safe;
    const dot = safe.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, ''];
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${stem} (${k})${ext}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** Already-compressed files are STORED in the zip (deflating a JPEG or PNG costs time and saves nothing). */
export const storedUncompressed = (name: string): boolean => /\.(jpe?g|png|heic|heif|webp|gif|zip|pdf)$/i.test(name);

/** A folder name per record in a batch zip, unique (two records can share a number only by a hand-edited pattern). */
export function batchFolders(numbers: readonly string[], fallback: (i: number) => string): string[] {
  const used = new Set<string>();
  return numbers.map((n, i) => {
    let name = toSafeFileName(n, fallback(i));
    for (let k = 2; used.has(name); k++) name = `${toSafeFileName(n, fallback(i))} (${k})`;
    used.add(name);
    return name;
  });
}

/** 跳过.txt: one line per record skipped, with the reason (CRLF: Notepad on older Windows). */
export function skippedText(title: string, rows: readonly { number: string; reason: string }[]): string {
  return [title, ...rows.map((r) => `${r.number}\t${r.reason}`)].join('\r\n') + '\r\n';
}
