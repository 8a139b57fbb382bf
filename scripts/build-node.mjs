#!/usr/bin/env node
// Bundles the Node-side code with esbuild:
//   electron/main.ts     → dist/electron/main.cjs     (CJS, electron external; runs from app.asar)
//   electron/preload.ts  → dist/electron/preload.cjs  (CJS; a sandboxed preload can only require('electron'))
//   electron/cli/landpatrol.ts (if present) → dist/cli/landpatrol.mjs (ESM, all deps bundled, executable)
// Everything else is bundled in, so the package needs no node_modules at runtime.
// `--electron-only` skips the CLI (used by the packaging check, which does not ship the CLI).
import { build } from 'esbuild';
import { chmod, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const r = (p) => path.join(root, p);
const started = performance.now();

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

const jobs = [
  build({ ...common, entryPoints: [r('electron/main.ts')], outfile: r('dist/electron/main.cjs'), format: 'cjs', external: ['electron'] }),
  build({ ...common, entryPoints: [r('electron/preload.ts')], outfile: r('dist/electron/preload.cjs'), format: 'cjs', external: ['electron'] }),
];

const cliEntry = r('electron/cli/landpatrol.ts');
const cliOut = r('dist/cli/landpatrol.mjs');
const hasCli =
  !process.argv.includes('--electron-only') &&
  (await stat(cliEntry).then(
    (s) => s.isFile(),
    () => false,
  ));
if (hasCli) {
  jobs.push(
    build({
      ...common,
      entryPoints: [cliEntry],
      outfile: cliOut,
      format: 'esm',
      // Bundled CommonJS dependencies call require(), __filename and __dirname, which ESM lacks.
      banner: {
        js: [
          '#!/usr/bin/env node',
          "import { createRequire as __lpCreateRequire } from 'node:module';",
          "import { fileURLToPath as __lpFileURLToPath } from 'node:url';",
          "import { dirname as __lpDirname } from 'node:path';",
          'const require = __lpCreateRequire(import.meta.url);',
          'const __filename = __lpFileURLToPath(import.meta.url);',
          'const __dirname = __lpDirname(__filename);',
        ].join('\n'),
      },
    }).then(() => chmod(cliOut, 0o755)),
  );
}

try {
  await Promise.all(jobs);
} catch {
  // esbuild has already printed the errors (logLevel warning).
  process.exitCode = 1;
}
if (!process.exitCode) {
  const ms = Math.round(performance.now() - started);
  console.log(`build-node: dist/electron/main.cjs, preload.cjs${hasCli ? ', dist/cli/landpatrol.mjs' : ''} (${ms} ms)`);
}
