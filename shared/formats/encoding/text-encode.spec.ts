import { describe, expect, it } from 'vitest';
import { encodeText, encodeWithin } from './text-encode';

const gbkDecode = (b: Uint8Array): string => new TextDecoder('gbk').decode(b);

describe('encodeText', () => {
  it('GBK: Chinese as the two-byte codes GB2312/GBK gives them, ASCII as itself', () => {
    const e = encodeText('青石镇 A-01', 'gbk');
    // 青 = C7E0, 石 = CAAF, 镇 = D5F2 in GB2312 (and so in GBK / cp936).
    expect(Buffer.from(e.bytes).toString('hex')).toBe('c7e0caafd5f220412d3031');
    expect(e.unmappable).toBe(0);
  });

  it('GBK: round-trips through the runtime decoder, GBK-only characters (not GB2312) too', () => {
    const text = '国土执法巡查 杏园村-01 王芳（执法监察员，鲁370300123，13800000000）镕堃喆';
    expect(gbkDecode(encodeText(text, 'gbk').bytes)).toBe(text);
  });

  it('GBK: a character outside GBK becomes ? and is counted', () => {
    const e = encodeText('𠀀村😀', 'gbk');
    expect(gbkDecode(e.bytes)).toBe('?村?');
    expect(e.unmappable).toBe(2);
  });

  it('UTF-8 as TextEncoder gives it', () => {
    expect(Buffer.from(encodeText('镇', 'utf-8').bytes).toString('hex')).toBe('e99587');
  });

  it('encodeWithin cuts between characters', () => {
    const g = encodeWithin('青石镇', 'gbk', 5);
    expect(g.cut).toBe(true);
    expect(gbkDecode(g.bytes)).toBe('青石');
    const u = encodeWithin('青石镇', 'utf-8', 8);
    expect(new TextDecoder().decode(u.bytes)).toBe('青石');
    expect(encodeWithin('ab', 'gbk', 5).cut).toBe(false);
  });
});
