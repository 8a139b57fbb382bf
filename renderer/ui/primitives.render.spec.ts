/**
 * The primitives rendered to HTML (react-dom/server, no browser): the id wiring of the fields, what the progress
 * card and the virtual table put in the DOM. Their behaviour in a browser is covered by the journeys that use them.
 */
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider, type Lang } from '../i18n';
import { CheckboxField, DateField, NumberField, RadioGroup, Select, SelectField, TextField } from './fields';
import { ProgressCard } from './ProgressCard';
import { useVirtualWindow, VirtualTable } from './VirtualTable';

const html = (el: ReactElement, lang: Lang = 'zh-CN') => renderToStaticMarkup(createElement(I18nProvider, { lang, setLang: () => {}, children: el }));
const attr = (markup: string, tag: string, name: string) => new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`).exec(markup)?.[1];
const count = (markup: string, s: string) => markup.split(s).length - 1;
const none = () => {};

describe('fields', () => {
  it('label names the control; hint, unit and error describe it', () => {
    const m = html(
      createElement(NumberField, {
        label: '面积',
        hint: '图斑的平面面积',
        error: '不能小于 0',
        unit: '亩',
        value: 1.5,
        onChange: none,
        testId: 'area',
      }),
    );
    const id = attr(m, 'input', 'id')!;
    expect(id).toBeTruthy();
    expect(attr(m, 'label', 'for')).toBe(id);
    expect(attr(m, 'input', 'aria-describedby')).toBe(`${id}-hint ${id}-unit ${id}-error`);
    expect(m).toContain(`<span id="${id}-unit" class="field-unit">亩</span>`);
    expect(m).toContain(`id="${id}-error" class="field-error">不能小于 0</p>`);
    expect(attr(m, 'input', 'aria-invalid')).toBe('true');
    expect(attr(m, 'input', 'value')).toBe('1.5');
    expect(attr(m, 'input', 'inputMode')).toBe('decimal'); // a decimal keypad on a touch screen
    expect(attr(m, 'input', 'data-testid')).toBe('area');
  });
  it('describes nothing and is valid when there is no hint or error; a given id is used', () => {
    const m = html(createElement(TextField, { label: '名称', id: 'layer-name', value: '斑竹村', onChange: none, required: true }));
    expect(attr(m, 'input', 'id')).toBe('layer-name');
    expect(attr(m, 'label', 'for')).toBe('layer-name');
    expect(m).not.toContain('aria-describedby');
    expect(m).not.toContain('aria-invalid');
    expect(m).toContain('required=""');
    expect(m).toContain('class="field-required" aria-hidden="true">*</span>');
  });
  it('two fields on one page get different ids', () => {
    const m = html(
      createElement(
        'div',
        null,
        createElement(DateField, { label: '巡查日期', value: '2026-12-01', onChange: none }),
        createElement(DateField, { label: '核查日期', value: null, onChange: none }),
      ),
    );
    const ids = [...m.matchAll(/<input[^>]*\sid="([^"]+)"/g)].map((x) => x[1]);
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);
    expect(m).toContain('type="date"');
    expect(m).toContain('value="2026-12-01"');
  });
  it('a select shows its typed options with the value chosen; a hidden label still names it', () => {
    const m = html(
      createElement(SelectField<'utf-8' | 'gbk'>, {
        label: '字符编码',
        hideLabel: true,
        testId: 'encoding-select',
        options: [
          { value: 'utf-8', label: 'utf-8' },
          { value: 'gbk', label: 'gbk' },
        ],
        value: 'gbk',
        onChange: none,
      }),
    );
    expect(m).toContain('class="field-label visually-hidden">字符编码</label>');
    expect(attr(m, 'label', 'for')).toBe(attr(m, 'select', 'id'));
    expect(m).toMatch(/<option value="gbk" selected="">gbk<\/option>/);
    expect(attr(m, 'select', 'data-testid')).toBe('encoding-select');
  });
  it('a checkbox with a control after it is named by its own text only', () => {
    const after = createElement(Select<string>, { title: '分组字段', options: [{ value: '', label: '不分组' }], value: '', onChange: none });
    const m = html(createElement(CheckboxField, { label: '永久基本农田', checked: true, onChange: none, testId: 'overlay-layer', after }));
    const labelledBy = attr(m, 'input', 'aria-labelledby');
    expect(m).toContain(`<span id="${labelledBy}" class="check-text">永久基本农田</span>`);
    expect(m).toMatch(/<label class="check has-after">.*<select[^>]*title="分组字段".*<\/label>/);
    expect(m).toContain('checked=""');
    const plain = html(createElement(CheckboxField, { label: '显示', checked: false, onChange: none }));
    expect(plain).not.toContain('aria-labelledby');
  });
  it('a radio group: one name for all, the chosen one checked and marked', () => {
    const options = [4490, 4527, 4528].map((epsg) => ({ value: epsg, label: `CRS ${epsg}`, detail: `EPSG:${epsg}` }));
    const m = html(
      createElement(RadioGroup<number>, { label: '选择分带', hideLabel: true, className: 'crs-choices', options, value: 4527, onChange: none }),
    );
    const names = [...m.matchAll(/<input type="radio" name="([^"]+)"/g)].map((x) => x[1]);
    expect(names).toHaveLength(3);
    expect(new Set(names).size).toBe(1);
    expect(m).toContain('role="radiogroup"');
    expect(m).toContain('aria-label="选择分带"');
    expect(count(m, 'class="choice selected"')).toBe(1);
    expect(m).toMatch(/<label class="choice selected"><input type="radio" name="[^"]+" checked="" value="4527"/);
    expect(m).toContain('<span class="muted small">EPSG:4528</span>');
  });
});

describe('ProgressCard', () => {
  it('prints done / total in the language, draws the fraction and names its cancel button', () => {
    const m = html(
      createElement(ProgressCard, {
        title: '正在导入',
        phase: '坐标转换',
        fileName: 'JBNT.shp',
        counts: { done: 2500, total: 10653 },
        onCancel: none,
        testId: 'import-progress',
        cancelTestId: 'import-cancel',
      }),
    );
    expect(m).toContain('<span class="muted">2,500 / 10,653</span>');
    expect(m).toContain('style="width:23.5%"');
    expect(m).toContain('aria-valuenow="23"');
    expect(m).toContain('title="JBNT.shp"');
    expect(m).toMatch(/data-testid="import-cancel"[^>]*>取消<\/button>/);
    expect(m).toContain('class="progress-card" role="status" data-testid="import-progress"');
  });
  it('is indeterminate with no counts until a total is known; no cancel button without onCancel; inline in a dialog', () => {
    const m = html(createElement(ProgressCard, { title: 'Analysing', counts: { done: 0, total: 0 }, placement: 'inline' }), 'en');
    expect(m).toContain('class="bar indeterminate"');
    expect(m).toContain('style="width:30%"');
    expect(m).not.toContain('aria-valuenow');
    expect(m).not.toContain(' / ');
    expect(m).not.toContain('<button');
    expect(m).toContain('class="progress-card inline"');
  });
  it('takes an explicit fraction over the counts', () => {
    expect(html(createElement(ProgressCard, { title: 'x', counts: { done: 1, total: 4 }, fraction: 0.5 }))).toContain('style="width:50.0%"');
    expect(html(createElement(ProgressCard, { title: 'x', counts: { done: 1, total: 4 }, fraction: null }))).toContain('class="bar indeterminate"');
  });
});

describe('VirtualTable', () => {
  type Row = { fid: number };
  // Through useVirtualWindow as a caller uses it; before the body is measured it assumes a 240 px body.
  function Table({ rowAt, rowCount }: { rowAt: (pos: number) => Row | undefined; rowCount: number }) {
    const view = useVirtualWindow({ rowCount });
    return createElement(VirtualTable<Row>, {
      view,
      columns: '64px 128px',
      header: createElement('div', { className: 'vt-cell' }, '#'),
      rowAt,
      cells: (r: Row) => createElement('div', { className: 'vt-cell' }, String(r.fid)),
      isSelected: (r: Row) => r.fid === 3,
      rowAttributes: (r: Row) => ({ 'data-fid': r.fid }),
      rowTestId: 'attr-row',
      bodyTestId: 'attr-body',
    });
  }
  const table = (rowAt: (pos: number) => Row | undefined, rowCount = 50000) => html(createElement(Table, { rowAt, rowCount }));
  it('puts only the rows in view (and the overscan) of 50,000 in the DOM, each at pos × rowPx (24 px unless told)', () => {
    // Rows 0..10 of a 240 px body plus 8 overscan.
    const m = table((pos) => ({ fid: pos + 1 }));
    expect(count(m, 'data-testid="attr-row"')).toBe(18);
    expect(m).toContain('class="vt-spacer" style="height:1200000px"');
    expect(m).toContain('style="top:48px" data-testid="attr-row" data-fid="3"');
    expect(m).toContain('--cols:64px 128px');
    expect(m).toContain('data-testid="attr-body"');
  });
  it('marks the selected row and draws rows without data as pending, without the row test id', () => {
    const m = table((pos) => (pos % 2 === 0 ? { fid: pos + 1 } : undefined));
    expect(count(m, 'class="vt-row selected"')).toBe(1);
    expect(count(m, 'class="vt-row pending"')).toBe(9);
    expect(count(m, 'data-testid="attr-row"')).toBe(9);
  });
  it('draws nothing for an empty list', () => {
    const m = table(() => ({ fid: 1 }), 0);
    expect(count(m, 'class="vt-row')).toBe(0);
    expect(m).toContain('style="height:0"');
  });
});
