/**
 * The architecture rules in eslint.config.js fail on deliberately bad imports (issue 8: "the lint rules fail on
 * a deliberately bad import"): each case lints a snippet as if it stood at the given path.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('architecture lint rules', () => {
  it('a feature importing the shell fails; importing renderer/ui and renderer/platform passes', async () => {
    expect(await restricted('renderer/features/layers/bad.ts', "import { Workspace } from '../../app/Workspace';\nexport { Workspace };\n")).toEqual([
      expect.stringContaining('A feature does not import the shell'),
    ]);
    expect(
      await restricted(
        'renderer/features/layers/ok.ts',
        "import { Dialog } from '../../ui/Dialog';\nimport { saveBytes } from '../../platform/platform';\nexport { Dialog, saveBytes };\n",
      ),
    ).toEqual([]);
  });

  it("a feature reaching another feature's inner file fails; through its index.ts passes", async () => {
    expect(
      await restricted(
        'renderer/features/layers/bad.ts',
        "import { forgetAttributes } from '../attributes/attribute-client';\nexport { forgetAttributes };\n",
      ),
    ).toEqual([expect.stringContaining('through its index.ts only')]);
    expect(
      await restricted('renderer/features/layers/components/Bad.tsx', "import { x } from '../../overlay/overlay.logic';\nexport { x };\n"),
    ).toEqual([expect.stringContaining('through its index.ts only')]);
    expect(
      await restricted(
        'renderer/features/layers/ok.ts',
        "import { forgetAttributes } from '../attributes';\nimport { cleanLayerName } from './layers.logic';\nexport { forgetAttributes, cleanLayerName };\n",
      ),
    ).toEqual([]);
    expect(
      await restricted(
        'renderer/features/layers/components/Ok.tsx',
        "import { cleanLayerName } from '../layers.logic';\nexport { cleanLayerName };\n",
      ),
    ).toEqual([]);
  });

  it('renderer/ui, renderer/platform and renderer/data importing a feature or the shell fail', async () => {
    expect(await restricted('renderer/data/bad.ts', "import { x } from '../features/layers/layers.logic';\nexport { x };\n")).toEqual([
      expect.stringContaining('sit below the features'),
    ]);
    expect(await restricted('renderer/ui/Bad.tsx', "import { LayerPanel } from '../features/layers';\nexport { LayerPanel };\n")).toEqual([
      expect.stringContaining('sit below the features'),
    ]);
    expect(await restricted('renderer/platform/bad.ts', "import { App } from '../app/App';\nexport { App };\n")).toEqual([
      expect.stringContaining('sit below the features'),
    ]);
  });

  it('the older rules still hold: maplibre outside renderer/map, Dexie outside renderer/db, DOM-free shared/', async () => {
    expect(await restricted('renderer/features/layers/bad.ts', "import * as m from 'maplibre-gl';\nexport { m };\n")).toEqual([
      expect.stringContaining('renderer/map only'),
    ]);
    expect(await restricted('renderer/features/layers/bad.ts', "import Dexie from 'dexie';\nexport { Dexie };\n")).toEqual([
      expect.stringContaining('renderer/db only'),
    ]);
    expect(await restricted('shared/domain/bad.ts', "import { readFileSync } from 'node:fs';\nexport { readFileSync };\n")).toEqual([
      expect.stringContaining('no Node'),
    ]);
  });
});
