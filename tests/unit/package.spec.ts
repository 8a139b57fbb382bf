/**
 * Packaging check: electron-builder (--linux dir, stand-in Electron) must produce an app.asar holding
 * main, preload and the renderer and no node_modules or sources, and flip the fuses in the binary. ~10 s. Uses the real renderer build if
 * there is one, otherwise a one-file stand-in, so it also runs before `vite build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPECTED_FUSES } from './expected-fuses';

const root = path.resolve(__dirname, '..', '..');
const temp = mkdtempSync(path.join(tmpdir(), 'lp-package-spec-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function rendererDir(): string {
  const real = path.join(root, 'dist', 'renderer');
  if (existsSync(path.join(real, 'index.html'))) return real;
  const standIn = path.join(temp, 'renderer');
  mkdirSync(standIn, { recursive: true });
  writeFileSync(path.join(standIn, 'index.html'), '<!doctype html><title>LandPatrol</title>');
  return standIn;
}

describe('electron-builder package', () => {
  it('app.asar holds main.cjs, preload.cjs and the renderer', () => {
    const build = spawnSync(process.execPath, ['scripts/build-node.mjs', '--electron-only'], { cwd: root, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const check = spawnSync(process.execPath, ['scripts/check-package.mjs', '--renderer', rendererDir()], { cwd: root, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/check-package: ok/);
    // The fuses electron-builder flipped in the packaged binary (the stand-in carries a fuse wire), not stripped.
    const line = /check-package: fuses (\{.*\})/.exec(check.stdout);
    expect(line, check.stdout).not.toBeNull();
    const onOff = Object.fromEntries(Object.entries(EXPECTED_FUSES).map(([k, v]) => [k, v ? 'on' : 'off']));
    expect(JSON.parse(line?.[1] ?? '{}')).toEqual({ ...onOff, loadBrowserProcessSpecificV8Snapshot: 'off' });
  }, 120_000);
});
