import { describe, expect, it } from 'vitest';
import { parseTileUrl, tileUrlTemplate } from './tile-url';

describe('tile urls', () => {
  it('round-trips keys with any characters', () => {
    const t = tileUrlTemplate('L1@2 斑竹村', 'f').replace('{z}', '14').replace('{x}', '13000').replace('{y}', '6500');
    expect(parseTileUrl(t)).toEqual({ key: 'L1@2 斑竹村', layer: 'f', z: 14, x: 13000, y: 6500 });
    expect(parseTileUrl('http://x/1/2/3')).toBeNull();
  });
});
