/**
 * GPX text → the FeatureCollection togeojson's `gpx()` makes, read with saxes (a streaming, strict XML parser)
 * instead of a DOM: a day's handheld track of 20,000 points took 0.8–1.0 s through xmldom + togeojson and takes
 * 0.1–0.2 s here (scripts/bench/patrol.mjs; README Decision 33). KML keeps togeojson: its shapes are many
 * (MultiGeometry, gx:Track, gx:MultiTrack, styles) and its files small.
 *
 * What it reads, as togeojson does: each <trk> → one Feature (LineString for one <trkseg>, MultiLineString for
 * several) named by its <name>; each <rte> → a LineString; each <wpt> → a Point (not a track: counted as ignored).
 * Elements are matched by local name, so GPX 1.0, 1.1 and prefixed documents all read. Unlike togeojson, the
 * times are listed one per point (null for a point without <time>), so a track whose handheld dropped a few times
 * keeps the others on the right points instead of losing them all.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { SaxesParser } from 'saxes';

export type GpxRead = { ok: true; fc: FeatureCollection<Geometry | null> } | { ok: false; reason: string };

const local = (name: string): string => {
  const i = name.indexOf(':');
  return (i < 0 ? name : name.slice(i + 1)).toLowerCase();
};

interface Line {
  coords: Position[];
  times: (string | null)[];
}

/** The local name of the document's root element, from the start of the text (after the prolog), lower case. */
export function rootElementName(text: string): string | null {
  const re = /<(\?[\s\S]*?\?>|!--[\s\S]*?-->|![A-Za-z][^>]*>|([A-Za-z_][\w.:-]*))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[2]) return local(m[2]);
  return null;
}

export function readGpxText(text: string): GpxRead {
  // togeojson's order: the tracks, then the routes, then the waypoints (unnamed tracks are numbered in it).
  const trks: Feature<Geometry | null>[] = [];
  const rtes: Feature<Geometry | null>[] = [];
  const wpts: Feature<Geometry | null>[] = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  // The path of local names from the root; text is read only where it is a name or a time.
  const path: string[] = [];
  let kind: 'trk' | 'rte' | null = null;
  let name = '';
  let lines: Line[] = [];
  let line: Line | null = null;
  let point: { coord: Position; time: string | null } | null = null;
  let wpt: { coord: Position; name: string } | null = null;
  let text_: string[] | null = null;

  // A missing or blank lat/lon is NaN (not 0): the track reader drops such a point and counts it.
  const num = (v: string | undefined): number => (v === undefined || v.trim() === '' ? NaN : Number(v));
  const coordOf = (attrs: Record<string, string>): Position => [num(attrs.lon), num(attrs.lat)];

  parser.on('opentag', (tag) => {
    const n = local(tag.name);
    const parent = path[path.length - 1];
    path.push(n);
    const attrs = tag.attributes as Record<string, string>;
    if ((n === 'trk' || n === 'rte') && parent === 'gpx') {
      kind = n;
      name = '';
      lines = n === 'rte' ? [{ coords: [], times: [] }] : [];
      line = n === 'rte' ? (lines[0] as Line) : null;
    } else if (n === 'trkseg' && kind === 'trk') {
      line = { coords: [], times: [] };
      lines.push(line);
    } else if ((n === 'trkpt' && kind === 'trk' && line) || (n === 'rtept' && kind === 'rte' && line)) {
      point = { coord: coordOf(attrs), time: null };
    } else if (n === 'wpt' && parent === 'gpx') {
      wpt = { coord: coordOf(attrs), name: '' };
    } else if (
      (n === 'name' && (parent === 'trk' || parent === 'rte' || parent === 'wpt')) ||
      (n === 'time' && point !== null && (parent === 'trkpt' || parent === 'rtept'))
    ) {
      text_ = [];
    } else if (n === 'ele' && point !== null && (parent === 'trkpt' || parent === 'rtept')) {
      text_ = [];
    }
  });
  parser.on('text', (t) => {
    if (text_) text_.push(t);
  });
  parser.on('cdata', (t) => {
    if (text_) text_.push(t);
  });
  parser.on('closetag', (tag) => {
    const n = local(tag.name);
    path.pop();
    const parent = path[path.length - 1];
    const value = text_ ? text_.join('').trim() : null;
    if (text_ && n === 'name' && (parent === 'trk' || parent === 'rte')) name = value ?? '';
    else if (text_ && n === 'name' && parent === 'wpt' && wpt) wpt.name = value ?? '';
    else if (text_ && n === 'time' && point) point.time = value === '' ? null : value;
    else if (text_ && n === 'ele' && point && value !== null && value !== '' && Number.isFinite(Number(value))) point.coord.push(Number(value));
    if (n === 'name' || n === 'time' || n === 'ele') text_ = null;
    if ((n === 'trkpt' || n === 'rtept') && point && line) {
      line.coords.push(point.coord);
      line.times.push(point.time);
      point = null;
    } else if (n === 'wpt' && wpt) {
      wpts.push({ type: 'Feature', properties: wpt.name ? { name: wpt.name } : {}, geometry: { type: 'Point', coordinates: wpt.coord } });
      wpt = null;
    } else if ((n === 'trk' || n === 'rte') && kind === n) {
      const kept = lines.filter((l) => l.coords.length > 0);
      if (kept.length > 0) {
        const one = kept.length === 1;
        const anyTime = kept.some((l) => l.times.some((t) => t !== null));
        const properties: Record<string, unknown> = { ...(name ? { name } : {}) };
        if (anyTime) properties.coordinateProperties = { times: one ? (kept[0] as Line).times : kept.map((l) => l.times) };
        (n === 'trk' ? trks : rtes).push({
          type: 'Feature',
          properties,
          geometry: one
            ? { type: 'LineString', coordinates: (kept[0] as Line).coords }
            : { type: 'MultiLineString', coordinates: kept.map((l) => l.coords) },
        });
      }
      kind = null;
      line = null;
      lines = [];
    }
  });
  try {
    parser.write(text).close();
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  return { ok: true, fc: { type: 'FeatureCollection', features: [...trks, ...rtes, ...wpts] } };
}
