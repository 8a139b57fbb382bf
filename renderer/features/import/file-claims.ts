/**
 * Files another feature takes instead of the layer import (a track dropped on the map goes to 巡查): a feature
 * registers which paths it claims; every drop and every pick of 导入图层 is split here, the claimed files handed to
 * their feature, the rest imported as layers. Exported from this feature's index.ts.
 */
import type { CollectedFile } from './import.logic';

export interface FileClaim {
  /** `<feature>.<what>`, e.g. 'patrol.track'. */
  id: string;
  /** Whether this file is the feature's; `all` are the paths picked or dropped with it (an image's .prj is told from a shapefile's by its neighbours). */
  claims(path: string, all: readonly string[]): boolean;
  take(files: CollectedFile[]): void;
}

let claims: readonly FileClaim[] = [];

/** Registers a claim (an id registered again replaces the earlier one); the returned function removes it. */
export function registerFileClaim(claim: FileClaim): () => void {
  claims = [...claims.filter((c) => c.id !== claim.id), claim];
  return () => {
    claims = claims.filter((c) => c !== claim);
  };
}

/** Hands each claimed file to the first claim that wants it; returns the files nobody claimed, in order. */
export function routeClaimedFiles(files: readonly CollectedFile[], registered: readonly FileClaim[] = claims): CollectedFile[] {
  const rest: CollectedFile[] = [];
  const taken = new Map<FileClaim, CollectedFile[]>();
  const all = files.map((f) => f.path);
  for (const f of files) {
    const c = registered.find((x) => x.claims(f.path, all));
    if (c) taken.set(c, [...(taken.get(c) ?? []), f]);
    else rest.push(f);
  }
  for (const [c, fs] of taken) c.take(fs);
  return rest;
}
