/**
 * GPX 1.1 for a GPS handheld (Garmin, 集思宝, 彩途 …) or a phone app: the day's points to visit as waypoints (<wpt>)
 * and the planned route as a route (<rte>/<rtept>), which handhelds navigate point by point. Coordinates are written as
 * given (CGCS2000 lon/lat, which a handheld reads as WGS84: the cm-level difference of README Domain rule 4); never
 * shifted. UTF-8, names and descriptions escaped, 7 decimals (≈ 1 cm, the app's degree precision).
 */
import { PRINT_DIGITS } from '../../domain/units/format';

export interface GpxWaypoint {
  name: string;
  lngLat: readonly [number, number];
  /** <desc>: the note the officer reads on site. */
  description?: string;
}

export interface GpxDocument {
  /** <metadata><name>: the task's title (巡查任务 2026-12-01). */
  name: string;
  /** <metadata><time>, epoch ms. */
  timeMs: number;
  waypoints: readonly GpxWaypoint[];
  /** The planned route; null or fewer than 2 points: no <rte>. */
  route: { name: string; points: readonly (readonly [number, number])[] } | null;
}

/** XML text escaping for element content and attribute values; characters XML 1.0 forbids are dropped. */
export function xmlEscape(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- XML 1.0 allows only tab, LF and CR below U+0020
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

// TextEncoder without DOM/Node typings (shared/ compiles with lib ES2022 and no types; every runtime we run in has it).
const encoder = new (globalThis as unknown as { TextEncoder: new () => { encode(s: string): Uint8Array } }).TextEncoder();

const deg = (v: number): string => v.toFixed(PRINT_DIGITS.degrees);

function point(tag: 'wpt' | 'rtept', lngLat: readonly [number, number], name: string | null, desc: string | null, indent: string): string {
  const inner = [name !== null ? `<name>${xmlEscape(name)}</name>` : '', desc ? `<desc>${xmlEscape(desc)}</desc>` : ''].join('');
  return `${indent}<${tag} lat="${deg(lngLat[1])}" lon="${deg(lngLat[0])}">${inner}</${tag}>`;
}

/** The document's bytes (UTF-8, no BOM: GPX readers differ on a BOM; none needs it). */
export function writeGpx(doc: GpxDocument): Uint8Array {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx version="1.1" creator="LandPatrol 国土执法巡查工作站" xmlns="http://www.topografix.com/GPX/1/1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">',
    `  <metadata><name>${xmlEscape(doc.name)}</name><time>${new Date(doc.timeMs).toISOString().replace(/\.\d{3}Z$/, 'Z')}</time></metadata>`,
    ...doc.waypoints.map((w) => point('wpt', w.lngLat, w.name, w.description ?? null, '  ')),
  ];
  if (doc.route && doc.route.points.length >= 2) {
    lines.push(`  <rte><name>${xmlEscape(doc.route.name)}</name>`);
    doc.route.points.forEach((p, i) => lines.push(point('rtept', p, `${i + 1}`, null, '    ')));
    lines.push('  </rte>');
  }
  lines.push('</gpx>', '');
  return encoder.encode(lines.join('\n'));
}
