import type { CSSProperties } from 'react';
import { INSPECTION_STATUSES } from '../../../../shared/domain/inspection/status';
import { formatNumber, useI18n } from '../../../i18n';
import { rateText, STATUS_STYLE } from '../inspection-list.logic';
import type { TownshipFigureRow } from '../inspection-list.protocol';
import { STATUS_KEY } from '../text-keys';

// Dense: seven columns in the 300 px dock, township names on one line.
const CELL: CSSProperties = { padding: '2px 3px', fontSize: 11, whiteSpace: 'nowrap' };

/**
 * 各乡镇核查情况: records by status per township with the total (one table), and each township's illegal records,
 * cases filed, 立案率 and 结案率 (a second, so both fit the dock's width) — of the filtered records.
 */
export function TownshipCounts({ rows }: { rows: readonly TownshipFigureRow[] }) {
  const { t, lang } = useI18n();
  if (rows.length <= 1) return <p className="muted">{t('inspectionList.counts.none')}</p>;
  const name = (r: TownshipFigureRow) =>
    r.township === '*' ? t('inspectionList.counts.total') : r.township === '' ? t('inspectionList.noTownship') : r.township;
  const n = (v: number) => formatNumber(lang, v);
  const rowProps = (r: TownshipFigureRow) => ({
    'data-testid': 'inspection-list-count-row',
    'data-township': r.township,
    style: r.township === '*' ? { fontWeight: 600 } : undefined,
  });
  return (
    <div data-testid="inspection-list-counts">
      <table className="grid small" style={{ width: '100%' }}>
        <thead>
          <tr>
            <th style={CELL}>{t('inspectionList.counts.township')}</th>
            {INSPECTION_STATUSES.map((s) => (
              <th key={s} className="num" style={{ ...CELL, color: STATUS_STYLE[s].line }}>
                {t(STATUS_KEY[s])}
              </th>
            ))}
            <th className="num" style={CELL}>
              {t('inspectionList.counts.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.township} {...rowProps(r)}>
              <td style={CELL}>{name(r)}</td>
              {INSPECTION_STATUSES.map((s) => (
                <td key={s} className="num" style={CELL} data-status={s}>
                  {n(r.counts[s])}
                </td>
              ))}
              <td className="num" style={CELL} data-col="total">
                {n(r.counts.total)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="grid small" style={{ width: '100%', marginTop: 6 }} data-testid="inspection-list-rates">
        <thead>
          <tr>
            <th style={CELL}>{t('inspectionList.counts.township')}</th>
            <th className="num" style={CELL}>
              {t('inspectionList.counts.illegal')}
            </th>
            <th className="num" style={CELL}>
              {t('inspectionList.counts.filed')}
            </th>
            <th className="num" style={CELL}>
              {t('inspectionList.counts.filingRate')}
            </th>
            <th className="num" style={CELL}>
              {t('inspectionList.counts.closingRate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.township} {...rowProps(r)} data-testid="inspection-list-rate-row">
              <td style={CELL}>{name(r)}</td>
              <td className="num" style={CELL} data-col="illegal">
                {n(r.cases.illegal)}
              </td>
              <td className="num" style={CELL} data-col="filed">
                {n(r.cases.filed)}
              </td>
              <td className="num" style={CELL} data-col="filingRate">
                {rateText(r.cases.filingRate, lang)}
              </td>
              <td className="num" style={CELL} data-col="closingRate">
                {rateText(r.cases.closingRate, lang)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted" style={{ fontSize: 11, margin: '4px 0 0' }}>
        {t('inspectionList.counts.note')}
      </p>
    </div>
  );
}
