import { INSPECTION_STATUSES } from '../../../../shared/domain/inspection/status';
import { formatNumber, useI18n } from '../../../i18n';
import { rateText, STATUS_STYLE } from '../inspection-list.logic';
import type { TownshipFigureRow } from '../inspection-list.protocol';
import { STATUS_KEY } from '../text-keys';

/** 各乡镇核查情况: records by status per township, the total, 立案率 and 结案率 (the filtered records). */
export function TownshipCounts({ rows }: { rows: readonly TownshipFigureRow[] }) {
  const { t, lang } = useI18n();
  if (rows.length <= 1) return <p className="muted">{t('inspectionList.counts.none')}</p>;
  const name = (r: TownshipFigureRow) =>
    r.township === '*' ? t('inspectionList.counts.all') : r.township === '' ? t('inspectionList.noTownship') : r.township;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table className="grid small" data-testid="inspection-list-counts" style={{ width: '100%' }}>
        <thead>
          <tr>
            <th>{t('inspectionList.counts.township')}</th>
            {INSPECTION_STATUSES.map((s) => (
              <th key={s} className="num" style={{ color: STATUS_STYLE[s].line }}>
                {t(STATUS_KEY[s])}
              </th>
            ))}
            <th className="num">{t('inspectionList.counts.total')}</th>
            <th className="num">{t('inspectionList.counts.filingRate')}</th>
            <th className="num">{t('inspectionList.counts.closingRate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.township}
              data-testid="inspection-list-count-row"
              data-township={r.township}
              style={r.township === '*' ? { fontWeight: 600 } : undefined}
            >
              <td>{name(r)}</td>
              {INSPECTION_STATUSES.map((s) => (
                <td key={s} className="num" data-status={s}>
                  {formatNumber(lang, r.counts[s])}
                </td>
              ))}
              <td className="num" data-col="total">
                {formatNumber(lang, r.counts.total)}
              </td>
              <td className="num" data-col="filingRate" title={`${r.cases.filed} / ${r.cases.illegal}`}>
                {rateText(r.cases.filingRate, lang)}
              </td>
              <td className="num" data-col="closingRate" title={`${r.cases.closedCases} / ${r.cases.filed}`}>
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
