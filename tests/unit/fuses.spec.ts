/**
 * Electron fuses (flipped inside the Electron binary when electron-builder packages it): the hardening that
 * no code in the app can undo at run time. Read from electron-builder.yml with the YAML parser
 * electron-builder itself uses; tests/unit/package.spec.ts checks that a package build really flips them.
 * On a built app: `npx @electron/fuses read --app "release/win-unpacked/LandPatrol.exe"`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPECTED_FUSES } from './expected-fuses';

const root = path.resolve(__dirname, '..', '..');
const builderRequire = createRequire(createRequire(path.join(root, 'package.json')).resolve('app-builder-lib/package.json'));
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };

describe('electron-builder.yml', () => {
  const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
  it('sets exactly these fuses', () => {
    expect(config.electronFuses).toEqual(EXPECTED_FUSES);
  });
  it('packs the app into app.asar (the integrity and only-from-asar fuses need one)', () => {
    expect(config.asar).toBe(true);
  });
});
