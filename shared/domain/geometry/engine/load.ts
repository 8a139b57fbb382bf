/**
 * Loads the geometry engine once per thread (a worker, the CLI process). geos-wasm carries its WebAssembly
 * binary inside its JavaScript (no file to locate, so the same code runs in Node, a worker and Electron);
 * compiling it needs `'wasm-unsafe-eval'` in the CSP's script-src and nothing more (electron/csp.ts).
 * GEOS is LGPL-3.0: it ships as its own chunk, replaceable without rebuilding the app (README, Licences).
 */
import { GeometryEngine, type GeosMessages } from './engine';
import { GEOS_FUNCTIONS, type GeosApi } from './geos-api';

type InitGeos = (config: { errorHandler: (m: string) => void; noticeHandler: (m: string) => void }) => Promise<unknown>;

let loading: Promise<GeometryEngine> | null = null;

export function loadGeometryEngine(): Promise<GeometryEngine> {
  loading ??= (async () => {
    try {
      return await start();
    } catch (err) {
      // Said to the user as it is (the import and overlay show it): WebAssembly blocked, or the module missing.
      const detail = err instanceof Error ? err.message : String(err);
      throw new Error(
        `几何引擎（GEOS WebAssembly）无法加载，无法计算面积：${detail} / The geometry engine (GEOS WebAssembly) could not load, so no area can be computed: ${detail}`,
      );
    }
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

async function start(): Promise<GeometryEngine> {
  const mod = (await import('geos-wasm')) as unknown as { default: InitGeos };
  const messages: GeosMessages = { lastError: null };
  // GEOS reports errors through this callback and then returns NULL/0; the engine turns that into an
  // EngineError. Notices ("Self-intersection at or near point …" from isValid) are expected, not logged.
  const geos = (await mod.default({
    errorHandler: (m) => {
      messages.lastError = m;
    },
    noticeHandler: () => {},
  })) as GeosApi;
  const missing = GEOS_FUNCTIONS.filter((f) => typeof (geos as unknown as Record<string, unknown>)[f] !== 'function');
  if (missing.length > 0) throw new Error(`geos-wasm lacks ${missing.join(', ')}`);
  return new GeometryEngine(geos, messages);
}
