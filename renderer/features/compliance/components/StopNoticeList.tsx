import { useI18n } from '../../../i18n';
import { STATUS_STYLE, stopNotices } from '../compliance.logic';
import type { ComplianceView } from '../compliance-state';
import { STATUS_KEY } from './status-text';

/** 停工通知现场: each site under a stop notice, its notice day, last follow-up, days since and status (overdue in red). */
export function StopNoticeList({ view, onPick }: { view: ComplianceView; onPick: (areaId: string) => void }) {
  const { t } = useI18n();
  const list = stopNotices(view.results);
  if (list.length === 0)
    return (
      <p className="muted" data-testid="compliance-stop-empty">
        {t('compliance.stop.empty')}
      </p>
    );
  return (
    <table className="kv" data-testid="compliance-stop-list" style={{ width: '100%' }}>
      <thead>
        <tr>
          <th>{t('compliance.stop.site')}</th>
          <th>{t('compliance.stop.notice')}</th>
          <th>{t('compliance.stop.last')}</th>
          <th>{t('compliance.stop.days')}</th>
          <th>{t('compliance.col.status')}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((s) => (
          <tr key={s.areaId} data-testid="compliance-stop-row" data-status={s.status} onClick={() => onPick(s.areaId)} style={{ cursor: 'pointer' }}>
            <td>{view.source.meta.get(s.areaId)?.name ?? s.areaId}</td>
            <td>{s.noticeDate}</td>
            <td>{s.lastFollowUp ?? t('compliance.never')}</td>
            <td>{t('compliance.daysN', { n: s.daysSince })}</td>
            <td style={{ color: s.overdue ? STATUS_STYLE.overdue.line : undefined, fontWeight: s.overdue ? 600 : undefined }}>
              {s.closed ? t('compliance.stop.closed') : t(STATUS_KEY[s.status])}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
