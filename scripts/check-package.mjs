#!/usr/bin/env node
// Packaging check (no Electron binary needed): runs
//   electron-builder --linux dir -c.electronDist=<folder with a stand-in binary> --publish never
// on a staging copy of the built app and checks that resources/app.asar holds main, preload and the
// renderer, and nothing it should not (node_modules, sources, source maps), and that electron-builder
// flipped the fuses electron-builder.yml sets (the stand-in carries a fuse wire; the config is kept whole).
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

/** @electron/fuses' wire: SENTINEL, the wire version (1), its length, then one byte per fuse ('0' off, '1' on). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** FuseV1Options order (RunAsNode … GrantFileProtocolExtraPrivileges) with Electron's stock states. */
const FUSE_NAMES = [
  ['runAsNode', '1'],
  ['enableCookieEncryption', '0'],
  ['enableNodeOptionsEnvironmentVariable', '1'],
  ['enableNodeCliInspectArguments', '1'],
  ['enableEmbeddedAsarIntegrityValidation', '0'],
  ['onlyLoadAppFromAsar', '0'],
  ['loadBrowserProcessSpecificV8Snapshot', '0'],
  ['grantFileProtocolExtraPrivileges', '1'],
];
function standInElectron() {
  const script = Buffer.from('#!/bin/sh\necho "placeholder: no Electron binary on this machine" >&2\nexit 1\n# ');
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, FUSE_NAMES.length]),
    Buffer.from(FUSE_NAMES.map(([, stock]) => stock).join('')),
  ]);
  return Buffer.concat([script, wire, Buffer.from('\n')]);
}
/** The fuses of the packaged binary, by electron-builder.yml's names: 'on', 'off', or another state's name. */
async function readFuses(unpackedDir) {
  const { getCurrentFuseWire } = require('@electron/fuses');
  // @electron/fuses' FuseState: the ASCII digits '1' and '0', 'r' for a removed fuse.
  const STATES = { 49: 'on', 48: 'off', 114: 'removed' };
  const { readdirSync, statSync } = await import('node:fs');
  // The binary is the executable file electron-builder renamed from the stand-in.
  const exe = readdirSync(unpackedDir)
    .map((f) => path.join(unpackedDir, f))
    .find((f) => statSync(f).isFile() && (statSync(f).mode & 0o111) !== 0 && readFileSync(f).includes(FUSE_SENTINEL));
  if (!exe) fail(`no executable with a fuse wire in ${unpackedDir}`);
  const wire = await getCurrentFuseWire(exe);
  const out = {};
  FUSE_NAMES.forEach(([name], i) => {
    const st = wire[i];
    out[name] = STATES[st] ?? `state ${st}`;
  });
  return out;
}
/** electronFuses of electron-builder.yml, read with the YAML parser electron-builder itself uses. */
function wantedFuses() {
  const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));
  const config = builderRequire('js-yaml').load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
  const fuses = config?.electronFuses;
  if (!fuses || typeof fuses !== 'object') fail('electron-builder.yml has no electronFuses block');
  return Object.fromEntries(Object.entries(fuses).map(([k, v]) => [k, v ? 'on' : 'off']));
}
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
  // The stand-in carries a fuse wire as a real Electron binary does (@electron/fuses finds it by its sentinel),
  // in Electron's stock states, so electron-builder flips the fuses of electron-builder.yml in it exactly as
  // in a real build, and this check reads them back.
  writeFileSync(path.join(emptyElectronDist, 'electron'), standInElectron(), { mode: 0o755 });
  for (const f of ['package.json', 'electron-builder.yml', 'resources']) cpSync(path.join(root, f), path.join(stage, f), { recursive: true });
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
  const unwanted = [...entries].filter(
    (p) => /^\/(node_modules|electron|shared|renderer|scripts|src)\//.test(p) || p.endsWith('.map') || p.endsWith('.ts'),
  );
  if (!existsSync(path.join(stage, 'release', 'linux-unpacked', 'resources', 'icon.png'))) missing.push('resources/icon.png (extraResources)');
  if (missing.length > 0) fail(`app.asar lacks ${missing.join(', ')}`);
  const fuses = await readFuses(path.join(stage, 'release', 'linux-unpacked'));
  const wanted = wantedFuses();
  const wrong = Object.keys(wanted).filter((k) => fuses[k] !== wanted[k]);
  if (wrong.length > 0) fail(`fuses not as electron-builder.yml says: ${wrong.map((k) => `${k} is ${fuses[k]}, want ${wanted[k]}`).join('; ')}`);
  // One line a spec reads (tests/unit/package.spec.ts) and a person can compare with `npx @electron/fuses read`.
  console.log(`check-package: fuses ${JSON.stringify(fuses)}`);
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
