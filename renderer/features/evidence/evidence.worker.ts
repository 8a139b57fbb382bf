/// <reference lib="webworker" />
/**
 * The evidence set's heavy parts off the UI thread: the layers inside a sheet's frame (read from IndexedDB the way the
 * comparison worker reads its role layers, kept per data version for a batch), projected to the plot's GK plane with
 * the legend of what the frame holds; the SHA-256 of every file and the manifest; the zip (fflate; images STORED).
 */
import { zipSync, type Zippable } from 'fflate';
import type { Geometry, Position } from 'geojson';
import { makeGkToLngLat, makeLngLatToGkEN } from '../../../shared/domain/crs/transform';
import type { GkPoint, SheetLayer } from '../../../shared/domain/evidence/inputs';
import { sha256HexOfBytes } from '../../../shared/domain/inspection/canonical';
import { legendItemsOf, nameFieldFor, type PresentValues } from '../../../shared/domain/layers/legend';
import type { LayerFeature } from '../../../shared/formats/types';
import { readStoredLayer } from '../../data/stored-features';
import { CodedError } from '../../platform/coded-error';
import { serveWorker } from '../../platform/worker-host';
import type { EvidenceFile, EvidenceProtocol, FrameLayerInput, FrameLayersRequest, PatchFeatureRead, SealedFile } from './evidence.protocol';
import { storedUncompressed } from './evidence.logic';
import {
  buildManifest,
  manifestJson,
  manifestLabelsOf,
  manifestText,
  type ManifestCategory,
  type ManifestFormat,
} from '../../../shared/domain/evidence/manifest';
import { paperLabelsFrom } from '../../../shared/domain/evidence/paper-labels';
import { evidencePapersZhCN } from '../../i18n/evidence-papers.zh-CN';

/** Stored layers by id and data version: a batch of 100 records reads each layer once. */
const cache = new Map<string, { version: number; features: LayerFeature[] }>();

async function featuresOf(l: FrameLayerInput): Promise<LayerFeature[]> {
  const hit = cache.get(l.id);
  if (hit?.version === l.dataVersion) return hit.features;
  const stored = await readStoredLayer(l.id);
  if (!stored) throw new CodedError('layerNotFound', { detail: `${l.name} (${l.id})` });
  cache.set(l.id, { version: l.dataVersion, features: stored.features });
  return stored.features;
}

type Box = [number, number, number, number];

function boxOf(coords: Position[][]): Box {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of coords)
    for (const p of ring) {
      const x = p[0]!;
      const y = p[1]!;
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  return b;
}

const meets = (a: Box, b: Box) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

/** A geometry's parts as lon/lat rings or paths, with the sheet's kind. */
function partsOf(g: Geometry): { kind: 'polygon' | 'line' | 'point'; parts: Position[][] }[] {
  switch (g.type) {
    case 'Polygon':
      return [{ kind: 'polygon', parts: g.coordinates }];
    case 'MultiPolygon':
      return g.coordinates.map((p) => ({ kind: 'polygon' as const, parts: p }));
    case 'LineString':
      return [{ kind: 'line', parts: [g.coordinates] }];
    case 'MultiLineString':
      return [{ kind: 'line', parts: g.coordinates }];
    case 'Point':
      return [{ kind: 'point', parts: [[g.coordinates]] }];
    case 'MultiPoint':
      return [{ kind: 'point', parts: [g.coordinates] }];
    case 'GeometryCollection':
      return g.geometries.flatMap(partsOf);
  }
}

/** The frame's lon/lat box (its outline sampled: a GK rectangle is not a lon/lat box), a little larger. */
function frameBox(req: FrameLayersRequest): Box {
  const toLngLat = makeGkToLngLat(req.zone, req.zonePrefix);
  const [e0, n0, e1, n1] = req.extent;
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i <= 8; i++) {
    const t = i / 8;
    for (const [e, n] of [
      [e0 + t * (e1 - e0), n0],
      [e0 + t * (e1 - e0), n1],
      [e0, n0 + t * (n1 - n0)],
      [e1, n0 + t * (n1 - n0)],
    ] as const) {
      const [lng, lat] = toLngLat(e, n);
      b[0] = Math.min(b[0], lng);
      b[1] = Math.min(b[1], lat);
      b[2] = Math.max(b[2], lng);
      b[3] = Math.max(b[3], lat);
    }
  }
  const pad = 1e-5;
  return [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad];
}

async function frameLayer(l: FrameLayerInput, req: FrameLayersRequest, box: Box): Promise<SheetLayer> {
  const toGk = makeLngLatToGkEN(req.zone, req.zonePrefix);
  const rule = l.style.fill?.type === 'categorical' ? l.style.fill : null;
  const nameField = rule ? nameFieldFor(rule.field, Object.keys((await featuresOf(l))[0]?.properties ?? {})) : null;
  const present = new Map<string, { count: number; name?: string }>();
  const features: SheetLayer['features'][number][] = [];
  for (const f of await featuresOf(l)) {
    if (!f.geometry) continue;
    const code = rule ? String(f.properties[rule.field] ?? '') : undefined;
    const label = l.labelField ? String(f.properties[l.labelField] ?? '') : '';
    let inside = false;
    for (const part of partsOf(f.geometry)) {
      if (!meets(boxOf(part.parts), box)) continue;
      inside = true;
      features.push({
        kind: part.kind,
        parts: part.parts.map((ring) => ring.map((p): GkPoint => toGk(p[0]!, p[1]!))),
        ...(code !== undefined ? { code } : {}),
        ...(label ? { label } : {}),
      });
    }
    if (inside && code !== undefined) {
      const name = nameField ? String(f.properties[nameField] ?? '') : '';
      const had = present.get(code);
      present.set(code, { count: (had?.count ?? 0) + 1, ...(name ? { name } : had?.name ? { name: had.name } : {}) });
    }
  }
  const legendLayer = { id: l.id, name: l.name, kind: l.kind, visible: true, opacity: l.opacity, style: l.style, geometryKind: l.geometryKind };
  const items = legendItemsOf(legendLayer, { other: req.otherLabel }, rule ? (present as PresentValues) : undefined);
  return { id: l.id, name: l.name, role: l.role, legend: { layerId: l.id, title: l.name, kind: l.kind, items }, features };
}

/** 类别 of each file in the manifest (the PDF holds the map sheet, its tables, the papers and the photo sheet). */
const CATEGORY: Readonly<Record<EvidenceFile['category'], ManifestCategory>> = {
  pdf: '证据图',
  png: '证据图（PNG）',
  baopan: '坐标文件',
  photo: '照片原件',
};

/** 文件格式 from the name (a photo's original keeps its own). */
function formatOf(path: string): ManifestFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  if (ext === 'pdf') return 'PDF';
  if (ext === 'png') return 'PNG';
  if (ext === 'jpg' || ext === 'jpeg') return 'JPEG';
  if (ext === 'heic' || ext === 'heif') return 'HEIC';
  if (ext === 'txt') return 'TXT';
  if (ext === 'json') return 'JSON';
  return '其他';
}

serveWorker<EvidenceProtocol>({
  frameLayers: async (req, ctx) => {
    const box = frameBox(req);
    const out: SheetLayer[] = [];
    for (const l of req.layers) {
      ctx.progress({ step: 'reading', layer: l.name });
      const layer = await frameLayer(l, req, box);
      if (layer.features.length > 0) out.push(layer);
    }
    return out;
  },

  seal: (req, ctx) => {
    ctx.progress({ step: 'hashing' });
    const built = buildManifest({
      files: req.files.map((f) => ({ path: f.path, category: CATEGORY[f.category], format: formatOf(f.path), bytes: f.bytes })),
      record: { id: req.meta.recordId, number: req.meta.recordNumber, chainHead: req.meta.historyHead ?? '' },
      ...(req.meta.subject ? { subject: req.meta.subject } : {}),
      appVersion: req.meta.appVersion,
      createdAt: req.meta.exportedAt,
    });
    if (!built.ok) throw new CodedError('failed', { detail: `manifest: ${built.reason}${built.path ? ` (${built.path})` : ''}` });
    const m = built.manifest;
    const files: SealedFile[] = req.files.map((f, i) => ({ path: f.path, bytes: f.bytes, sha256: m.entries[i]!.sha256 }));
    const enc = new TextEncoder();
    const json = manifestJson(m);
    const txt = enc.encode(manifestText(m, manifestLabelsOf(paperLabelsFrom(evidencePapersZhCN))));
    const jsonBytes = enc.encode(json);
    files.push(
      { path: '清单.txt', bytes: txt, sha256: sha256HexOfBytes(txt) },
      { path: '清单.json', bytes: jsonBytes, sha256: sha256HexOfBytes(jsonBytes) },
    );
    ctx.transfer(...new Set(files.map((f) => f.bytes.buffer as ArrayBuffer)));
    return { files, manifestJson: json };
  },

  patches: async (req, ctx) => {
    ctx.progress({ step: 'reading', layer: req.layerName });
    const stored = await readStoredLayer(req.layerId);
    if (!stored) throw new CodedError('layerNotFound', { detail: `${req.layerName} (${req.layerId})` });
    const patches: PatchFeatureRead[] = stored.features.map((f) => {
      const g = f.geometry;
      const properties: Record<string, string> = {};
      for (const [k, v] of Object.entries(f.properties)) if (v !== null && v !== undefined) properties[k] = String(v);
      return {
        fid: f.fid,
        geometry: g?.type === 'Polygon' || g?.type === 'MultiPolygon' ? g : null,
        zone: f.area?.zone ?? null,
        properties,
      };
    });
    return { layerName: req.layerName, patches };
  },

  zip: (req, ctx) => {
    ctx.progress({ step: 'zipping' });
    const tree: Zippable = {};
    for (const e of req.entries) tree[e.path] = [e.bytes, { level: storedUncompressed(e.path) ? 0 : 6 }];
    const bytes = zipSync(tree);
    ctx.transfer(bytes.buffer);
    return bytes;
  },
});
