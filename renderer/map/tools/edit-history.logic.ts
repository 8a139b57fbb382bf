/**
 * The undo/redo history of an editing session (pure): every committed action leaves a scene — all the session's
 * geometries, in order, each with the given features it came from — and undo/redo step between scenes. One history
 * covers everything (vertex moves, inserts, deletes, typed vertices, new shapes, splits, merges, removals), so
 * Ctrl+Z undoes the last action whatever it was; a split undone brings back the one polygon in a single step.
 * (terra-draw's own session undo keeps one stack per feature and cannot undo a split as one step.)
 */
import type { EditedFeature, ToolGeometry } from './types';

export type Scene = readonly EditedFeature[];

export interface EditHistory {
  past: readonly Scene[];
  present: Scene;
  future: readonly Scene[];
}

/** How many steps back a session keeps (a day's editing of a village's cells, with room to spare). */
export const HISTORY_LIMIT = 200;

export const startHistory = (scene: Scene): EditHistory => ({ past: [], present: scene, future: [] });

const sameGeometry = (a: ToolGeometry, b: ToolGeometry): boolean =>
  a.type === b.type && JSON.stringify(a.coordinates) === JSON.stringify(b.coordinates);

export function sameScene(a: Scene, b: Scene): boolean {
  return (
    a.length === b.length &&
    a.every((f, i) => f.id === b[i]!.id && sameGeometry(f.geometry, b[i]!.geometry) && f.from.join('|') === b[i]!.from.join('|'))
  );
}

/** `scene` as the new present (the redo steps are dropped); no step when nothing changed. */
export function commit(h: EditHistory, scene: Scene, limit = HISTORY_LIMIT): EditHistory {
  if (sameScene(h.present, scene)) return h;
  const past = [...h.past, h.present];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, present: scene, future: [] };
}

export const canUndo = (h: EditHistory): boolean => h.past.length > 0;
export const canRedo = (h: EditHistory): boolean => h.future.length > 0;

export function undo(h: EditHistory): EditHistory {
  const prev = h.past[h.past.length - 1];
  if (!prev) return h;
  return { past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future] };
}

export function redo(h: EditHistory): EditHistory {
  const next = h.future[0];
  if (!next) return h;
  return { past: [...h.past, h.present], present: next, future: h.future.slice(1) };
}

// Scene edits: each returns a new scene (the old one stays in the history untouched).

export function replaceGeometry(scene: Scene, id: string, geometry: ToolGeometry): Scene {
  return scene.map((f) => (f.id === id ? { ...f, geometry } : f));
}

export function addFeature(scene: Scene, id: string, geometry: ToolGeometry): Scene {
  return [...scene, { id, geometry, from: [] }];
}

export function removeFeature(scene: Scene, id: string): Scene {
  return scene.filter((f) => f.id !== id);
}

/** `id` replaced by `pieces` where it stood: the first keeps its id, the rest take `newIds`; all come from what it came from. */
export function splitFeature(scene: Scene, id: string, pieces: readonly ToolGeometry[], newIds: readonly string[]): Scene {
  const at = scene.findIndex((f) => f.id === id);
  const old = scene[at];
  if (!old || pieces.length === 0) return scene;
  const made = pieces.map((geometry, i) => ({ id: i === 0 ? id : (newIds[i - 1] as string), geometry, from: old.from }));
  return [...scene.slice(0, at), ...made, ...scene.slice(at + 1)];
}

/** `a` and `b` replaced by their union (in `a`'s place, with `a`'s id), coming from both. */
export function mergeFeatures(scene: Scene, a: string, b: string, geometry: ToolGeometry): Scene {
  const fa = scene.find((f) => f.id === a);
  const fb = scene.find((f) => f.id === b);
  if (!fa || !fb || a === b) return scene;
  const from = [...new Set([...fa.from, ...fb.from])];
  return scene.filter((f) => f.id !== b).map((f) => (f.id === a ? { id: a, geometry, from } : f));
}
