import { describe, expect, it } from 'vitest';
import { dataKeyOf, dataKeyOfTileId, layerIdOfKey } from './data-key';

describe('data keys', () => {
  it('join a layer and its data version, and split back from a key or a tile id', () => {
    expect(dataKeyOf('Lm3x9k2abc123', 4)).toBe('Lm3x9k2abc123@4');
    expect(layerIdOfKey('Lm3x9k2abc123@4')).toBe('Lm3x9k2abc123');
    expect(layerIdOfKey('Lm3x9k2abc123@4~labels/l/12/3379/1622')).toBe('Lm3x9k2abc123');
    expect(dataKeyOfTileId('Lm3x9k2abc123@4/f/12/3379/1622')).toBe('Lm3x9k2abc123@4');
    expect(dataKeyOfTileId('Lm3x9k2abc123@4~labels/l/12/3379/1622')).toBe('Lm3x9k2abc123@4');
  });
});
