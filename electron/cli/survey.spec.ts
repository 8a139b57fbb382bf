import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../tests/fixtures/read-fixture';
import { buildSurveyPlot } from '../../shared/domain/survey/plot';
import { readSurveyFile } from '../../shared/formats/survey/read';
import { parseArgs } from './args';
import { surveyPlotJson } from './survey-report';

describe('landpatrol survey: arguments', () => {
  it('reads files, --to, --zone, --encoding and --out', () => {
    expect(parseArgs(['survey', 'a.dat', 'b.txt'])).toEqual({ command: 'survey', files: ['a.dat', 'b.txt'] });
    expect(parseArgs(['survey', 'a.dat', '--to', 'BAOPAN', '--zone=39', '--encoding', 'UTF8', '--out', 'x.txt'])).toEqual({
      command: 'survey',
      files: ['a.dat'],
      to: 'baopan',
      zone: 39,
      encoding: 'utf-8',
      out: 'x.txt',
    });
    expect(parseArgs(['survey', 'a.dat', '--zone', '19'])).toMatchObject({ zone: 19 });
  });

  it('refuses what it cannot use, naming the option', () => {
    expect(parseArgs(['survey'])).toEqual({ command: 'error', key: 'missingArgument', params: { option: 'FILE' } });
    expect(parseArgs(['survey', 'a.dat', '--zone', '24'])).toEqual({ command: 'error', key: 'badZone', params: { value: '24' } });
    expect(parseArgs(['survey', 'a.dat', '--zone', '117'])).toEqual({ command: 'error', key: 'badZone', params: { value: '117' } });
    expect(parseArgs(['survey', 'a.dat', '--to', 'dxf'])).toEqual({ command: 'error', key: 'badTarget', params: { value: 'dxf' } });
    expect(parseArgs(['survey', 'a.dat', '--encoding', 'big5'])).toEqual({ command: 'error', key: 'badSurveyEncoding', params: { value: 'big5' } });
    expect(parseArgs(['survey', 'a.dat', '--crs', '4527'])).toEqual({ command: 'error', key: 'badOption', params: { option: '--crs' } });
  });
});

describe('landpatrol survey: the JSON of a plot', () => {
  it('rounds as the other commands do and carries every issue in both languages', () => {
    const file = readSurveyFile('xfirst-blank.dat', fixtureBytes('survey/xfirst-blank.dat'));
    const j = surveyPlotJson(file, buildSurveyPlot(file.plots[0]!, { file: file.file }));
    expect(j.crs).toBeNull();
    expect(j.zone).toBeNull();
    expect(j.sidesGeodesic).toBeNull();
    expect(j.area?.ellipsoidalM2).toBeNull();
    expect(j.points[0]).toEqual({ name: 'J1', x: 3820100.123, y: 512000.456, h: 45.12 });
    expect(j.sides.every((s) => Math.abs(s * 1e6 - Math.round(s * 1e6)) < 1e-6)).toBe(true);
    const codes = j.warnings.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['survey.columnsXY', 'survey.badLines', 'survey.zoneUnknown', 'survey.notClosed']));
    expect(j.warnings.find((w) => w.code === 'survey.zoneUnknown')?.message).toContain('--zone');
  });

  it("says a lon/lat file's zone came from its longitude (or the option), not from a prefix", () => {
    const file = readSurveyFile('waypoints-utf8.gpx', fixtureBytes('survey/waypoints-utf8.gpx'));
    const j = surveyPlotJson(file, buildSurveyPlot(file.plots[0]!, { file: file.file }));
    expect(j.zone).toEqual({ width: 3, zone: 39, centralMeridian: 117, prefix: true, source: 'longitude' });
    expect(j.crs).toEqual({ epsg: 4527, label: 'CGCS2000 / 3-degree Gauss-Kruger zone 39' });
  });
});
