import { describe, expect, it, vi } from 'vitest';
import { registerFileClaim, routeClaimedFiles, type FileClaim } from './file-claims';

const file = (path: string) => ({ path, data: new Uint8Array([1]) });

describe('routeClaimedFiles', () => {
  it('hands claimed files to their feature and returns the rest in order', () => {
    const take = vi.fn();
    const claim: FileClaim = { id: 'patrol.track', claims: (p) => /\.gpx$/i.test(p), take };
    const rest = routeClaimedFiles([file('a.shp'), file('0420.GPX'), file('a.dbf'), file('b.gpx')], [claim]);
    expect(rest.map((f) => f.path)).toEqual(['a.shp', 'a.dbf']);
    expect(take).toHaveBeenCalledTimes(1);
    expect(take.mock.calls[0]![0].map((f: { path: string }) => f.path)).toEqual(['0420.GPX', 'b.gpx']);
  });

  it('without a claim everything is imported; a removed claim takes nothing', () => {
    const take = vi.fn();
    const remove = registerFileClaim({ id: 'x', claims: () => true, take });
    expect(routeClaimedFiles([file('a.gpx')])).toEqual([]);
    remove();
    expect(routeClaimedFiles([file('a.gpx')]).map((f) => f.path)).toEqual(['a.gpx']);
    expect(take).toHaveBeenCalledTimes(1);
  });
});
