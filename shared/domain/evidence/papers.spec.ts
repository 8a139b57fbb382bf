import { describe, expect, it } from 'vitest';
import { evidencePapersZhCN } from '../../../renderer/i18n/evidence-papers.zh-CN';
import { sampleAreas, samplePhotoNumbers, samplePlot, samplePoints, sampleRecord } from '../../../tests/fixtures/evidence-papers/sample-case';
import { paperLabelsFrom, PAPER_LABEL_KEYS, PAPER_LABEL_PREFIX } from './paper-labels';
import { layoutSiteRecord, layoutStopNotice, pointTableRows, surveyTimeText } from './papers';
import type { Mark, Sheet } from './sheet-model';
import { defaultEvidenceTemplate } from './template';

const l = paperLabelsFrom(evidencePapersZhCN);
const texts = (s: Sheet) =>
  s.marks.flatMap((m) => (m.kind === 'text' ? [m.text] : m.kind === 'table' ? [...m.columns.map((c) => c.title), ...m.rows.flat()] : []));
const allText = (sheets: Sheet[]) => sheets.flatMap(texts).join('\n');
const input = { record: sampleRecord, areas: sampleAreas, points: samplePoints, plot: samplePlot, photoNumbers: samplePhotoNumbers };
const template = { ...defaultEvidenceTemplate('杏园镇国土资源所'), organ: '某某县自然资源局', county: '杏' };

/** Every mark's extent stays on the paper, inside the margins for text. */
function inside(s: Sheet, m: Mark): boolean {
  if (m.kind === 'text') return m.x >= 0 && m.x <= s.paper.widthMm && m.y >= 10 && m.y <= s.paper.heightMm - 8;
  if (m.kind === 'path') return m.rings.flat().every(([x, y]) => x >= 0 && x <= s.paper.widthMm && y >= 0 && y <= s.paper.heightMm);
  if (m.kind === 'table')
    return (
      m.x + m.columns.reduce((a, c) => a + c.widthMm, 0) <= s.paper.widthMm - 19.99 &&
      m.y + m.headerHeightMm + m.rows.length * m.rowHeightMm <= s.paper.heightMm - 20
    );
  return true;
}

describe('the papers’ labels', () => {
  it('are all in the zh-CN file', () => {
    for (const k of PAPER_LABEL_KEYS) expect(evidencePapersZhCN).toHaveProperty([PAPER_LABEL_PREFIX + k]);
  });
});

describe('the 现场勘测笔录', () => {
  const sheets = layoutSiteRecord(input, template, l);
  const all = allText(sheets);

  it('states the time from–to, place, officers with 执法证号, the party, witness, instrument, 四至, areas and every point as the record holds it', () => {
    expect(surveyTimeText(sampleRecord, l)).toBe('2026年4月20日9时30分至10时45分');
    for (const s of [
      '现场勘测笔录',
      '编号：杏国土核〔2026〕012号',
      '杏园镇杏园村村东二百米、县道X012北侧',
      '张建国（执法证号：鲁自然执字第370100123号）',
      '单位名称：济南某某建材有限公司',
      '统一社会信用代码：91370100MA3C5XKX4T',
      '赵德明',
      '仪器：GNSS RTK 接收机',
      '东至：杏园村集体耕地；南至：县道 X012；',
      '3296.36',
      '4.9445',
      '椭球面积 3296.01 m²',
      'ZP-01、ZP-02、ZP-03、ZP-04',
      '以上笔录经当事人核对无误。',
      '当事人拒绝签字的，注明原因：',
      '当事人代理人王某称面积有异议，拒绝签字',
      '3°带第 39 带，中央经线 117°E',
    ])
      expect(all).toContain(s);
    for (const p of samplePoints) {
      expect(all).toContain(p.name);
      expect(all).toContain(p.x.toFixed(3));
      expect(all).toContain(p.y.toFixed(3));
    }
    // 边长 to 0.01 m; each ring closed by its first point again.
    const rows = pointTableRows(samplePoints);
    expect(rows).toHaveLength(samplePoints.length + 2);
    expect(rows[0]).toEqual(['J1', '1', '3820060.000', '39512000.000', '48.51']);
    expect(rows[6]).toEqual(['J1', '1', '3820060.000', '39512000.000', '']);
    expect(rows[7]?.[0]).toBe('J7');
  });

  it('numbers its pages 第 n 页 共 N 页, every page with the initials line, nothing off the paper', () => {
    expect(sheets.length).toBeGreaterThanOrEqual(2);
    sheets.forEach((s, i) => {
      expect(s.role).toBe('record');
      expect(s.paper).toMatchObject({ name: 'A4', widthMm: 210, heightMm: 297 });
      expect(texts(s)).toContain(`第 ${i + 1} 页 共 ${sheets.length} 页`);
      expect(texts(s)).toContain('当事人：');
      for (const m of s.marks) expect(inside(s, m), JSON.stringify(m).slice(0, 200)).toBe(true);
    });
    // A continued page repeats the heading with the record's number.
    expect(texts(sheets[1]!)).toContain('现场勘测笔录（续）');
  });

  it('carries a long point table on to the next page with its header repeated and the label marked （续）', () => {
    const many = Array.from({ length: 90 }, (_, i) => ({ name: `J${i + 1}`, x: 3820000 + i, y: 39512000 + (i % 7), ring: 1, sideMetres: 1.5 }));
    const long = layoutSiteRecord({ ...input, points: many }, template, l);
    const tables = long.flatMap((s) =>
      s.marks.filter((m): m is Extract<Mark, { kind: 'table' }> => m.kind === 'table' && m.columns[0]?.title === '点号'),
    );
    expect(tables.length).toBeGreaterThanOrEqual(2);
    expect(tables.reduce((n, t) => n + t.rows.length, 0)).toBe(91);
    expect(allText(long)).toContain('界址点坐标（续）');
    for (const s of long) for (const m of s.marks) expect(inside(s, m)).toBe(true);
  });

  it('carries a long description on to the next page, the row’s label marked （续）, no line lost', () => {
    const long = '现场有钢结构厂房一座，已完成立柱和屋架。'.repeat(60);
    const sheets = layoutSiteRecord({ ...input, record: { ...sampleRecord, description: long } }, template, l);
    const t = allText(sheets);
    expect(t).toMatch(/现状及建设情况\n?（续）/);
    // Every character of the description is on the pages, in order.
    const body = sheets
      .flatMap((s) => s.marks)
      // The value column's lines that are pieces of the description.
      .filter(
        (m): m is Extract<Mark, { kind: 'text' }> =>
          m.kind === 'text' && Math.abs(m.x - (25 + 30 + 1.6)) < 1e-9 && m.text !== '' && long.includes(m.text),
      )
      .map((m) => m.text)
      .join('');
    expect(body).toContain(long);
    for (const s of sheets) for (const m of s.marks) expect(inside(s, m)).toBe(true);
  });

  it('says the party was not there instead of the check line, and prints 无 for no witnesses', () => {
    const absent = { ...sampleRecord, siteRecord: { ...sampleRecord.siteRecord!, partyPresent: false, refusal: '', witnesses: [] } };
    const t = allText(layoutSiteRecord({ ...input, record: absent }, template, l));
    expect(t).toContain('勘测时当事人未到场。');
    expect(t).not.toContain('以上笔录经当事人核对无误。');
    // With no site record at all the time is the inspection's, the rest 未查明.
    const bare = allText(layoutSiteRecord({ ...input, record: { ...sampleRecord, siteRecord: null } }, template, l));
    expect(bare).toContain('2026年4月20日9时30分');
    expect(bare).toContain('仪器：未查明');
  });
});

describe('the 责令停止违法行为通知书', () => {
  const sheets = layoutStopNotice(
    {
      record: sampleRecord,
      number: '杏自然资停字〔2026〕003号',
      date: '2026-04-20' as never,
      area: { planarM2: 3296.36, mu: 4.9445, farmlandM2: 2101.5, farmlandMu: 3.1523 },
    },
    template,
    l,
  );
  const all = allText(sheets);

  it('is headed by the organ, numbered, addressed to the party, with the facts, provisions, basis, order, officers, date and seal place', () => {
    expect(sheets[0]!.role).toBe('notice');
    for (const s of [
      '某某县自然资源局',
      '责令停止违法行为通知书',
      '杏自然资停字〔2026〕003号',
      '济南某某建材有限公司：',
      '3296.36平方米',
      '4.9445亩',
      '第二条第三款',
      '第六十八条',
      '立即停止',
      '张建国（执法证号：鲁自然执字第370100123号）',
      '2026年4月20日',
      '（印章）',
      '送达回证',
    ])
      expect(all).toContain(s);
    expect(all).not.toMatch(/\{[a-zA-Z]+\}/);
    for (const s of sheets) for (const m of s.marks) expect(inside(s, m)).toBe(true);
  });

  it('puts the 送达回证 on a page of its own when the wording leaves no room', () => {
    const long = { ...template, wording: { ...template.wording, facts: template.wording.facts.repeat(8) } };
    const two = layoutStopNotice({ record: sampleRecord, number: 'N', date: '2026-04-20' as never, area: null }, long, l);
    expect(two.length).toBe(2);
    expect(texts(two[1]!)).toContain('送达回证');
    expect(texts(two[0]!)).not.toContain('送达回证');
  });
});

describe('table cells', () => {
  it('fit their columns: no cell text of the papers’ tables is wider than its column', async () => {
    const { textWidthMm } = await import('./text-measure');
    const sheets = layoutSiteRecord(input, template, l);
    for (const s of sheets)
      for (const m of s.marks)
        if (m.kind === 'table')
          for (const row of [m.columns.map((c) => c.title), ...m.rows])
            row.forEach((cell, i) => expect(textWidthMm(cell, m.sizePt) + 2.4, cell).toBeLessThanOrEqual(m.columns[i]!.widthMm));
  });
});
