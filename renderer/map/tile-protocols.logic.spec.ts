import { describe, expect, it } from 'vitest';
import { createTileProtocolRegistry, EMPTY_TILE, parseProtocolTileUrl, protocolTileTemplate } from './tile-protocols.logic';

const fill = (t: string, z: number, x: number, y: number) => t.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));

describe('tile protocol urls', () => {
  it('round-trips a key with any characters through the template', () => {
    const url = fill(protocolTileTemplate('lpmbtiles', 'img/1 斑竹村?#'), 15, 26_000, 13_001);
    expect(url.startsWith('lpmbtiles://')).toBe(true);
    expect(parseProtocolTileUrl(url)).toEqual({ scheme: 'lpmbtiles', key: 'img/1 斑竹村?#', z: 15, x: 26_000, y: 13_001 });
  });

  it('refuses urls that are not tiles and schemes that are not custom', () => {
    expect(parseProtocolTileUrl('lpmbtiles://a/1/2')).toBeNull();
    expect(parseProtocolTileUrl('lpmbtiles://a/1/2/x')).toBeNull();
    expect(parseProtocolTileUrl('lpmbtiles://%E0%A4%A/1/2/3')).toBeNull();
    expect(() => protocolTileTemplate('https', 'a')).toThrow();
    expect(() => protocolTileTemplate('LP MB', 'a')).toThrow();
  });
});

describe('tile protocol registry', () => {
  it('installs each scheme once and routes tiles to the current fetcher', async () => {
    const installs: string[] = [];
    const handlers = new Map<string, (url: string, signal: AbortSignal) => Promise<ArrayBuffer>>();
    const reg = createTileProtocolRegistry((scheme, h) => {
      installs.push(scheme);
      handlers.set(scheme, h);
    });
    const seen: string[] = [];
    const a = new Uint8Array([1, 2, 3]).buffer;
    reg.register('lpa', async (t) => {
      seen.push(`a ${t.key} ${t.z}/${t.x}/${t.y}`);
      return t.x === 1 ? a : null;
    });
    const signal = new AbortController().signal;
    expect(await handlers.get('lpa')!('lpa://k/3/1/2', signal)).toBe(a);
    expect(await handlers.get('lpa')!('lpa://k/3/2/2', signal)).toBe(EMPTY_TILE);
    const remove = reg.register('lpa', async () => new Uint8Array([9]).buffer);
    expect(new Uint8Array(await handlers.get('lpa')!('lpa://k/3/1/2', signal))).toEqual(new Uint8Array([9]));
    expect(installs).toEqual(['lpa']);
    remove();
    expect(reg.has('lpa')).toBe(false);
    expect(await handlers.get('lpa')!('lpa://k/3/1/2', signal)).toBe(EMPTY_TILE);
    expect(seen).toEqual(['a k 3/1/2', 'a k 3/2/2']);
    await expect(handlers.get('lpa')!('lpa://k/3/1', signal)).rejects.toThrow(/bad tile url/);
  });

  it('passes the abort signal on', async () => {
    let got: AbortSignal | null = null;
    const reg = createTileProtocolRegistry(() => {});
    reg.register('lpb', async (_t, s) => {
      got = s;
      return null;
    });
    const c = new AbortController();
    await reg.handle('lpb://k/0/0/0', c.signal);
    c.abort();
    expect(got!.aborted).toBe(true);
  });
});
