import { describe, expect, it } from 'vitest';
import { fixtureBundle } from '../../../tests/fixtures/read-fixture';
import { encodingPreview } from './preview';

describe('encodingPreview', () => {
  it('shows the GBK text readable under gbk and garbled under utf-8', () => {
    const p = encodingPreview(fixtureBundle('gbk_ldid').dbf as Uint8Array, ['gbk', 'utf-8'], 3);
    expect(p[0]).toEqual({ encoding: 'gbk', samples: ['旱地', '永久基本农田', '农村宅基地'] });
    expect(p[1]?.samples[0]).not.toBe('旱地');
    expect(p[1]?.samples[0]).toContain('\uFFFD');
  });

  it('unknown labels and garbage give empty samples, not errors', () => {
    expect(encodingPreview(fixtureBundle('gbk_ldid').dbf as Uint8Array, ['no-such'])).toEqual([{ encoding: 'no-such', samples: [] }]);
    expect(encodingPreview(new Uint8Array(5), ['gbk'])).toEqual([{ encoding: 'gbk', samples: [] }]);
  });
});
