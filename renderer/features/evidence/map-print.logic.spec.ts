import { describe, expect, it } from 'vitest';
import { defaultEvidenceTemplate } from '../../../shared/domain/evidence/template';
import type { SheetSettings } from '../../../shared/domain/evidence/inputs';
import { VIEW_SCALE_CHOICES, changeViewSettings, viewFileNames, viewSettings } from './map-print.logic';

describe('打印地图 settings and names', () => {
  it('offers the standard scales only (a view has nothing to fit)', () => {
    expect(VIEW_SCALE_CHOICES).toEqual([500, 1000, 2000, 5000, 10000]);
  });

  it('starts from the template’s paper and furniture, with the view’s title and scale and every layer shown', () => {
    const sheet = { ...defaultEvidenceTemplate('石桥镇国土所').sheet, paper: 'A3' as const, hiddenLayerIds: ['x'], scale: 'fit' as const };
    expect(viewSettings(sheet, '示意图', 2000)).toEqual({ ...sheet, title: '示意图', scale: 2000, hiddenLayerIds: [] });
  });

  it('names the files by title, scale and local time, safe on Windows', () => {
    const at = new Date(2026, 11, 2, 8, 5);
    expect(viewFileNames('示意图', 2000, at)).toEqual({ pdf: '示意图_1比2000_20261202-0805.pdf', png: '示意图_1比2000_20261202-0805.png' });
    expect(viewFileNames(' 石桥镇:村东/砖厂 ', 500, at).pdf).toBe('石桥镇_村东_砖厂_1比500_20261202-0805.pdf');
    expect(viewFileNames('   ', 10000, at).png).toBe('示意图_1比10000_20261202-0805.png');
  });

  it('lets the scale follow the paper until the user picks one', () => {
    const base = viewSettings({ ...defaultEvidenceTemplate('所').sheet, paper: 'A4', orientation: 'portrait' }, '示意图', 1000);
    // the default for a frame: 1:2,000 on landscape, 1:1,000 on portrait (as the view's rule would give on a wide screen)
    const defaultFor = (s: SheetSettings) => (s.orientation === 'landscape' ? 2000 : 1000);
    const a = changeViewSettings(base, { orientation: 'landscape' }, false, defaultFor);
    expect([a.settings.orientation, a.settings.scale, a.scaleTouched]).toEqual(['landscape', 2000, false]);
    const b = changeViewSettings(a.settings, { scale: 5000 }, a.scaleTouched, defaultFor);
    expect([b.settings.scale, b.scaleTouched]).toEqual([5000, true]);
    const c = changeViewSettings(b.settings, { orientation: 'portrait', paper: 'A3' }, b.scaleTouched, defaultFor);
    expect([c.settings.paper, c.settings.scale]).toEqual(['A3', 5000]);
    // a title or a layer change never moves the scale
    expect(changeViewSettings(a.settings, { title: '村东' }, false, () => 500).settings.scale).toBe(2000);
  });
});
