import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('parseArgs', () => {
  it('reads inspect with several paths and an EPSG override', () => {
    expect(parseArgs(['inspect', 'a.shp', 'dir', '--crs', 'EPSG:4527'])).toEqual({ command: 'inspect', paths: ['a.shp', 'dir'], crs: 4527 });
    expect(parseArgs(['inspect', 'a.zip', '--encoding=gbk'])).toEqual({ command: 'inspect', paths: ['a.zip'], encoding: 'gbk' });
  });

  it('reads overlay with repeated --with', () => {
    expect(parseArgs(['overlay', '--plots', 'p.shp', '--with', 'a.shp', '--with', 'b.zip', '--group-by', 'DLMC', '--id-field', 'JCBH'])).toEqual({
      command: 'overlay',
      plots: 'p.shp',
      with: ['a.shp', 'b.zip'],
      groupBy: 'DLMC',
      idField: 'JCBH',
    });
  });

  it('returns named errors instead of throwing', () => {
    expect(parseArgs(['frobnicate'])).toMatchObject({ command: 'error', key: 'unknownCommand' });
    expect(parseArgs(['inspect'])).toMatchObject({ command: 'error', key: 'missingArgument', params: { option: 'PATH' } });
    expect(parseArgs(['inspect', 'a.shp', '--crs'])).toMatchObject({ command: 'error', key: 'missingArgument', params: { option: '--crs' } });
    expect(parseArgs(['inspect', 'a.shp', '--crs', 'zone39'])).toMatchObject({ command: 'error', key: 'badEpsg' });
    expect(parseArgs(['inspect', 'a.shp', '--plots', 'x'])).toMatchObject({ command: 'error', key: 'badOption' });
    expect(parseArgs(['overlay', '--with', 'a.shp'])).toMatchObject({ command: 'error', key: 'missingArgument', params: { option: '--plots' } });
    expect(parseArgs(['overlay', '--plots', 'p.shp'])).toMatchObject({ command: 'error', key: 'missingArgument', params: { option: '--with' } });
    expect(parseArgs(['overlay', '--plots', 'p.shp', '--with', 'a', '--verbose'])).toMatchObject({ command: 'error', key: 'badOption' });
  });

  it('treats no arguments as a request for help', () => {
    expect(parseArgs([])).toEqual({ command: 'help' });
  });
});
