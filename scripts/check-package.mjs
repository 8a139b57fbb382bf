#!/usr/bin/env node
// Packaging check (no Electron binary needed): runs
//   electron-builder --linux dir -c.electronDist=<empty folder> --publish never
// on a staging copy of the built app and checks that resources/app.asar holds main, preload and the
// renderer, and nothing it should not (node_modules, sources, source maps).
// Usage: node scripts/check-package.mjs [--renderer <dir with index.html>] [--keep]
//   Needs `npm run build` first (or --renderer to use another renderer build, e.g. a placeholder).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const rendererDir = path.resolve(opt('--renderer') ?? path.join(root, 'dist', 'renderer'));
const keep = args.includes('--keep');
const started = performance.now();

class CheckFailed extends Error {}
/** Throws so that the `finally` below still removes the staging folder. */
function fail(message) {
  throw new CheckFailed(message);
}

for (const f of [path.join(root, 'dist/electron/main.cjs'), path.join(root, 'dist/electron/preload.cjs'), path.join(rendererDir, 'index.html')]) {
  if (!existsSync(f)) {
    console.error(`check-package: missing ${f}: run \`npm run build\` first`);
    process.exit(1);
  }
}

// Stage a copy so the check never writes release/ into the working tree other people use.
const stage = mkdtempSync(path.join(tmpdir(), 'lp-package-'));
const emptyElectronDist = path.join(stage, '.electron-dist');
try {
  mkdirSync(emptyElectronDist);
  // electron-builder renames the binary to the product name after writing app.asar: give it a stand-in.
  writeFileSync(path.join(emptyElectronDist, 'electron'), '#!/bin/sh\necho "placeholder: no Electron binary on this machine" >&2\nexit 1\n', { mode: 0o755 });
  for (const f of ['package.json', 'electron-builder.yml', 'resources']) cpSync(path.join(root, f), path.join(stage, f), { recursive: true });
  // Fuses are flipped inside the real Electron binary; the stand-in has none, so the staged config drops
  // that block (the Windows build keeps it).
  const yml = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
  writeFileSync(path.join(stage, 'electron-builder.yml'), yml.replace(/^electronFuses:\n(?:[ #].*\n|\n)*/m, ''));
  cpSync(path.join(root, 'dist/electron'), path.join(stage, 'dist/electron'), { recursive: true });
  cpSync(rendererDir, path.join(stage, 'dist/renderer'), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'), 'junction');

  const cli = require.resolve('electron-builder/cli.js');
  const r = spawnSync(
    process.execPath,
    [cli, '--linux', 'dir', '--x64', '--projectDir', stage, `-c.electronDist=${emptyElectronDist}`, '--publish', 'never'],
    { cwd: stage, encoding: 'utf8', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', CI: '1' } },
  );
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    fail(`electron-builder exited with ${r.status}`);
  }
  const asarPath = path.join(stage, 'release', 'linux-unpacked', 'resources', 'app.asar');
  if (!existsSync(asarPath)) fail(`no ${asarPath}`);
  const { listPackage } = require('@electron/asar');
  const entries = new Set(listPackage(asarPath).map((p) => p.replaceAll('\\', '/')));
  const must = ['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html'];
  const missing = must.filter((p) => !entries.has(p));
  const unwanted = [...entries].filter((p) => /^\/(node_modules|electron|shared|renderer|scripts|src)\//.test(p) || p.endsWith('.map') || p.endsWith('.ts'));
  if (!existsSync(path.join(stage, 'release', 'linux-unpacked', 'resources', 'icon.png'))) missing.push('resources/icon.png (extraResources)');
  if (missing.length > 0) fail(`app.asar lacks ${missing.join(', ')}`);
  if (unwanted.length > 0) fail(`app.asar holds files it should not: ${unwanted.slice(0, 10).join(', ')}${unwanted.length > 10 ? ' …' : ''}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`check-package: ok, app.asar has ${entries.size} entries including ${must.join(', ')} (${seconds} s)`);
} catch (err) {
  if (!(err instanceof CheckFailed)) throw err;
  console.error(`check-package: ${err.message}`);
  process.exitCode = 1;
} finally {
  if (keep) console.log(`check-package: staging kept at ${stage}`);
  else rmSync(stage, { recursive: true, force: true });
}
