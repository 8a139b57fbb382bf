/**
 * The evidence set's manifest (issue 13 item 6; DOMAIN "Inspections and evidence": the electronic-data rules protect
 * integrity with a 完整性校验值 listed per file — 类别, 文件格式, 校验值 — in the extraction record). One row per exported
 * file and per photo original with its SHA-256 (@noble/hashes: pure, the same library as the record's history), the
 * record's number and its history-chain head (the last entry's hash, which anchors the chain on paper), the app's
 * version and the time. A text form to print and file with the papers (电子数据提取清单), and a JSON form a script or
 * a later version of the app verifies the files against (verifyManifest).
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { isFiniteNumber, isObject, isString } from '../../validation/guards';
import type { PaperLabels } from './paper-labels';
import { fillPlaceholders } from './text-wrap';

/** 类别 of a file in the set, in the order the manifest lists them. */
export const MANIFEST_CATEGORIES = ['证据图', '证据图（PNG）', '笔录', '通知书', '照片页', '照片原件', '坐标文件', '其他'] as const;
export type ManifestCategory = (typeof MANIFEST_CATEGORIES)[number];

export const MANIFEST_FORMATS = ['PDF', 'PNG', 'JPEG', 'HEIC', 'TXT', 'JSON', '其他'] as const;
export type ManifestFormat = (typeof MANIFEST_FORMATS)[number];

export interface ManifestFileInput {
  /** The file's name in the set (a relative path, '/' separated: 照片原件/IMG_0012.JPG). */
  path: string;
  category: ManifestCategory;
  format: ManifestFormat;
  bytes: Uint8Array;
}

export interface ManifestEntry {
  /** 序号, from 1. */
  seq: number;
  path: string;
  category: ManifestCategory;
  format: ManifestFormat;
  sizeBytes: number;
  /** Lower-case hex. */
  sha256: string;
}

/**
 * What a set is when it is not an inspection record's: a patch of a 卫片图斑 layer exported by the layer batch without a
 * record (no site visit, no history, so no chain head). Absent: the set is the record's.
 */
export interface ManifestSubject {
  kind: 'patch';
  /** The patch's JCBH (监测编号) as the layer holds it. */
  patchNo: string;
  layerName: string;
  /** The feature's id in the stored layer. */
  fid: number;
}

export interface Manifest {
  /** The manifest's own format version (the JSON a verifier reads). */
  manifestVersion: 1;
  /** chainHead '' only when `subject` is set (a patch without a record has no history). */
  record: { id: string; number: string; chainHead: string };
  subject?: ManifestSubject;
  appVersion: string;
  /** Epoch ms and its China-time text (UTC+8, as the papers print times). */
  createdAt: number;
  createdAtText: string;
  hashAlgorithm: 'SHA-256';
  entries: ManifestEntry[];
}

export interface ManifestInput {
  files: readonly ManifestFileInput[];
  record: { id: string; number: string; chainHead: string };
  /** A patch set (no record): its chain head is ''. */
  subject?: ManifestSubject;
  appVersion: string;
  createdAt: number;
}

export type ManifestReason = 'duplicatePath' | 'emptyPath' | 'badChainHead';

const sha256Hex = (bytes: Uint8Array): string => bytesToHex(sha256(bytes));

/** 2026-12-01 21:30:05 (UTC+8). */
export function chinaTimeText(epochMs: number): string {
  const d = new Date(epochMs + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}（UTC+8）`;
}

/**
 * The manifest of a set, files listed by category (MANIFEST_CATEGORIES order), then as given. Refuses two files of
 * one path (one of them would overwrite the other in the folder) and a chain head that is not a SHA-256.
 */
export function buildManifest(input: ManifestInput): { ok: true; manifest: Manifest } | { ok: false; reason: ManifestReason; path?: string } {
  const noChain = input.subject !== undefined && input.record.chainHead === '';
  if (!noChain && !/^[0-9a-f]{64}$/.test(input.record.chainHead)) return { ok: false, reason: 'badChainHead' };
  const seen = new Set<string>();
  for (const f of input.files) {
    if (f.path.trim() === '') return { ok: false, reason: 'emptyPath' };
    if (seen.has(f.path)) return { ok: false, reason: 'duplicatePath', path: f.path };
    seen.add(f.path);
  }
  const order = (c: ManifestCategory) => MANIFEST_CATEGORIES.indexOf(c);
  const sorted = input.files.map((f, i) => ({ f, i })).sort((a, b) => order(a.f.category) - order(b.f.category) || a.i - b.i);
  const entries = sorted.map(({ f }, n) => ({
    seq: n + 1,
    path: f.path,
    category: f.category,
    format: f.format,
    sizeBytes: f.bytes.byteLength,
    sha256: sha256Hex(f.bytes),
  }));
  return {
    ok: true,
    manifest: {
      manifestVersion: 1,
      record: { ...input.record },
      ...(input.subject ? { subject: { ...input.subject } } : {}),
      appVersion: input.appVersion,
      createdAt: input.createdAt,
      createdAtText: chinaTimeText(input.createdAt),
      hashAlgorithm: 'SHA-256',
      entries,
    },
  };
}

/** The labels of the text form (Chinese on the papers; the feature passes them from its i18n file). */
export interface ManifestLabels {
  title: string;
  recordNumber: string;
  recordId: string;
  chainHead: string;
  appVersion: string;
  createdAt: string;
  algorithm: string;
  columns: { seq: string; path: string; category: string; format: string; size: string; sha256: string };
  total: string;
  /** A patch set's lines: what the set is ({patchNo}, {layer}), and the chain head's absence. */
  subject?: { patch: string; noChainHead: string };
}

/**
 * The text form (电子数据提取清单 / 完整性校验值): a header, then one line per file with its columns separated by tabs
 * (a spreadsheet pastes it as a table; a monospace viewer aligns it), UTF-8 with CRLF line ends (Windows Notepad).
 */
export function manifestText(m: Manifest, l: ManifestLabels): string {
  const subject = m.subject && l.subject ? m.subject : null;
  const lines = [
    l.title,
    ...(subject && l.subject
      ? [fillPlaceholders(l.subject.patch, { patchNo: subject.patchNo, layer: subject.layerName, fid: subject.fid })]
      : [`${l.recordNumber}：${m.record.number}`]),
    `${l.recordId}：${m.record.id}`,
    `${l.chainHead}：${subject && l.subject && m.record.chainHead === '' ? l.subject.noChainHead : m.record.chainHead}`,
    `${l.appVersion}：${m.appVersion}`,
    `${l.createdAt}：${m.createdAtText}`,
    `${l.algorithm}：${m.hashAlgorithm}`,
    '',
    [l.columns.seq, l.columns.path, l.columns.category, l.columns.format, l.columns.size, l.columns.sha256].join('\t'),
    ...m.entries.map((e) => [String(e.seq), e.path, e.category, e.format, String(e.sizeBytes), e.sha256].join('\t')),
    '',
    fillPlaceholders(l.total, { count: m.entries.length, bytes: m.entries.reduce((s, e) => s + e.sizeBytes, 0) }),
  ];
  return lines.join('\r\n') + '\r\n';
}

/** The JSON form, keys in a fixed order, two-space indented. */
export const manifestJson = (m: Manifest): string => JSON.stringify(m, null, 2) + '\n';

/** A manifest read back from its JSON (null when it is not one). */
export function parseManifest(text: string): Manifest | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(raw) || raw.manifestVersion !== 1 || !isObject(raw.record) || !Array.isArray(raw.entries)) return null;
  const good = raw.entries.every(
    (e) =>
      isObject(e) &&
      isFiniteNumber(e.seq) &&
      isString(e.path) &&
      isFiniteNumber(e.sizeBytes) &&
      isString(e.sha256) &&
      /^[0-9a-f]{64}$/.test(e.sha256),
  );
  return good ? (raw as unknown as Manifest) : null;
}

export interface ManifestCheck {
  ok: boolean;
  /** Listed and byte-identical. */
  same: string[];
  /** Listed, present, but their bytes differ from the listed hash (or size). */
  differ: string[];
  /** Listed, not among the files given. */
  missing: string[];
  /** Given, not listed (the manifest itself is usually one: the caller leaves it out). */
  extra: string[];
}

/** Checks files (path → bytes) against the manifest. */
export function verifyManifest(m: Manifest, files: ReadonlyMap<string, Uint8Array>): ManifestCheck {
  const out: ManifestCheck = { ok: true, same: [], differ: [], missing: [], extra: [] };
  const listed = new Set<string>();
  for (const e of m.entries) {
    listed.add(e.path);
    const bytes = files.get(e.path);
    if (!bytes) out.missing.push(e.path);
    else if (bytes.byteLength !== e.sizeBytes || sha256Hex(bytes) !== e.sha256) out.differ.push(e.path);
    else out.same.push(e.path);
  }
  for (const p of files.keys()) if (!listed.has(p)) out.extra.push(p);
  out.ok = out.differ.length === 0 && out.missing.length === 0;
  return out;
}

/** The text form's labels from the papers' labels (paper-labels.ts). */
export const manifestLabelsOf = (l: PaperLabels): ManifestLabels => ({
  title: l.manifestTitle,
  recordNumber: l.manifestRecordNumber,
  recordId: l.manifestRecordId,
  chainHead: l.manifestChainHead,
  appVersion: l.manifestAppVersion,
  createdAt: l.manifestCreatedAt,
  algorithm: l.manifestAlgorithm,
  columns: {
    seq: l.manifestSeq,
    path: l.manifestPath,
    category: l.manifestCategory,
    format: l.manifestFormat,
    size: l.manifestSize,
    sha256: l.manifestSha256,
  },
  total: l.manifestTotal,
  subject: { patch: l.manifestPatchSet, noChainHead: l.manifestNoChainHead },
});
