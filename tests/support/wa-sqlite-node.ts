/** Specs only: the wa-sqlite build (the one the tile worker uses) instantiated in node from its own .wasm file. */
import ModuleFactory from '@journeyapps/wa-sqlite/dist/wa-sqlite.mjs';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export async function loadSqliteForNode(): Promise<unknown> {
  const wasm = createRequire(import.meta.url).resolve('@journeyapps/wa-sqlite/dist/wa-sqlite.wasm');
  return ModuleFactory({ wasmBinary: readFileSync(wasm) });
}
