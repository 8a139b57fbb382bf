import { describe, expect, it } from 'vitest';
import { parseArgs, parseLayerArg } from './args';

describe('parseArgs', () => {
  it('reads inspect with several paths and an EPSG override', () => {
    expect(parseArgs(['inspect', 'a.shp', 'dir', '--crs', 'EPSG:4527'])).toEqual({ command: 'inspect', paths: ['a.shp', 'dir'], crs: 4527 });
    expect(parseArgs(['inspect', 'a.zip', '--encoding=gbk'])).toEqual({ command: 'inspect', paths: ['a.zip'], encoding: 'gbk' });
  });

  it('reads overlay with repeated --with', () => {
    expect(parseArgs(['overlay', '--plots', 'p.shp', '--with', 'a.shp', '--with', 'b.zip', '--group-by', 'DLMC', '--id-field', 'JCBH'])).toEqual({
      command: 'overlay',
      plots: 'p.shp',
      with: [{ path: 'a.shp' }, { path: 'b.zip' }],
      groupBy: 'DLMC',
      idField: 'JCBH',
    });
  });

  it('reads a group field per layer (--with PATH:FIELD), which overrides --group-by for that layer only', () => {
    expect(parseArgs(['overlay', '--plots', 'p.shp', '--with', 'farmland.shp', '--with', 'planning.shp:GHFQMC', '--group-by', 'DLMC'])).toEqual({
      command: 'overlay',
      plots: 'p.shp',
      with: [{ path: 'farmland.shp' }, { path: 'planning.shp', groupBy: 'GHFQMC' }],
      groupBy: 'DLMC',
    });
    expect(parseArgs(['overlay', '--plots', 'p.shp', '--with=dltb.zip:DLMC'])).toMatchObject({ with: [{ path: 'dltb.zip', groupBy: 'DLMC' }] });
  });

  it('splits PATH:FIELD at the last colon only when a field name follows and more than a drive letter precedes', () => {
    expect(parseLayerArg('planning.shp:GHFQMC')).toEqual({ path: 'planning.shp', groupBy: 'GHFQMC' });
    expect(parseLayerArg('/data/县/规划.shp:GHFQ_MC2')).toEqual({ path: '/data/县/规划.shp', groupBy: 'GHFQ_MC2' });
    expect(parseLayerArg('规划.shp:规划分区')).toEqual({ path: '规划.shp', groupBy: '规划分区' }); // a Chinese DBF field name
    // Windows paths stay whole …
    expect(parseLayerArg('C:\\data\\dltb.shp')).toEqual({ path: 'C:\\data\\dltb.shp' });
    expect(parseLayerArg('C:/data/dltb.shp')).toEqual({ path: 'C:/data/dltb.shp' });
    expect(parseLayerArg('C:dltb.shp')).toEqual({ path: 'C:dltb.shp' });
    expect(parseLayerArg('D:DLMC')).toEqual({ path: 'D:DLMC' }); // drive-relative file, not a field of "D"
    // … and take a field after their last colon.
    expect(parseLayerArg('C:\\data\\dltb.shp:DLMC')).toEqual({ path: 'C:\\data\\dltb.shp', groupBy: 'DLMC' });
    expect(parseLayerArg('\\\\server\\share\\dltb.zip:DLMC')).toEqual({ path: '\\\\server\\share\\dltb.zip', groupBy: 'DLMC' });
    // What follows the colon is not a field name: all path.
    expect(parseLayerArg('/data/2024:06/dltb.shp')).toEqual({ path: '/data/2024:06/dltb.shp' });
    expect(parseLayerArg('dltb.shp:2024')).toEqual({ path: 'dltb.shp:2024' });
    expect(parseLayerArg('dltb.shp:')).toEqual({ path: 'dltb.shp:' });
    expect(parseLayerArg(':DLMC')).toEqual({ path: ':DLMC' });
    expect(parseLayerArg('dltb.shp')).toEqual({ path: 'dltb.shp' });
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

  it('reads coverage: the cells, tracks given after --track or by repeating it, fields and thresholds', () => {
    expect(
      parseArgs([
        'coverage',
        '--cells',
        'grid.shp',
        '--track',
        'a.gpx',
        'b.kml',
        '--track',
        'c.kmz',
        '--name-field',
        'WGMC',
        '--min-metres',
        '150',
        '--min-seconds=600',
      ]),
    ).toEqual({
      command: 'coverage',
      cells: 'grid.shp',
      tracks: ['a.gpx', 'b.kml', 'c.kmz'], // in command-line order
      nameField: 'WGMC',
      minMetres: 150,
      minSeconds: 600,
    });
    expect(parseArgs(['coverage', '--track', 'a.gpx', '--cells', 'g.geojson', '--id-field', 'WGBM', '--crs', '4527', '--min-metres', '0.5'])).toEqual(
      {
        command: 'coverage',
        cells: 'g.geojson',
        tracks: ['a.gpx'],
        idField: 'WGBM',
        minMetres: 0.5,
        crs: 4527,
      },
    );
  });

  it("refuses coverage without its inputs, with a bad threshold, or with another command's options", () => {
    expect(parseArgs(['coverage', '--track', 'a.gpx'])).toMatchObject({ command: 'error', key: 'missingArgument', params: { option: '--cells' } });
    expect(parseArgs(['coverage', '--cells', 'g.shp', 'a.gpx'])).toMatchObject({
      command: 'error',
      key: 'missingArgument',
      params: { option: '--track' },
    });
    expect(parseArgs(['coverage', '--cells', 'g.shp', '--track'])).toMatchObject({
      command: 'error',
      key: 'missingArgument',
      params: { option: '--track' },
    });
    for (const bad of ['-5', 'abc', '1e3', '']) {
      const r = parseArgs(['coverage', '--cells', 'g.shp', '--track', 'a.gpx', `--min-metres=${bad}`]);
      expect(r).toMatchObject({ command: 'error', key: bad === '' ? 'missingArgument' : 'badNumber', params: { option: '--min-metres' } });
    }
    expect(parseArgs(['coverage', '--cells', 'g.shp', '--track', 'a.gpx', '--with', 'x.shp'])).toMatchObject({
      command: 'error',
      key: 'badOption',
      params: { option: '--with' },
    });
    expect(parseArgs(['overlay', '--plots', 'p.shp', '--with', 'a.shp', '--track', 'x.gpx'])).toMatchObject({
      command: 'error',
      key: 'badOption',
      params: { option: '--track' },
    });
    expect(parseArgs(['inspect', 'a.shp', '--cells', 'x'])).toMatchObject({ command: 'error', key: 'badOption' });
    // overlay has always let --encoding pass: unchanged.
    expect(parseArgs(['overlay', '--plots', 'p.shp', '--with', 'a.shp', '--encoding', 'gbk'])).toMatchObject({ command: 'overlay' });
  });

  it('treats no arguments as a request for help', () => {
    expect(parseArgs([])).toEqual({ command: 'help' });
  });
});
