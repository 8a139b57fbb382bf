/**
 * Electron main process entry: thin. Bundled by scripts/build-node.mjs to dist/electron/main.cjs, so
 * __dirname is dist/electron and the renderer is ../renderer. Everything it does is in main-process.ts.
 */
import { startMain } from './main-process';

startMain({ electronDir: __dirname });
