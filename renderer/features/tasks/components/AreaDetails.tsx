import { useMemo, useState } from 'react';
import { localDateOf, type DateKey } from '../../../../shared/domain/patrol/calendar';
import type { PatrolArea } from '../../../../shared/domain/patrol/patrol-area-record';
import { formatMu } from '../../../../shared/domain/units/format';
import { useI18n } from '../../../i18n';
import { DateField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { patrolState } from '../../patrol';
import { closeSite, deleteArea } from '../tasks-actions';
import { areaMuOf, draftOfArea } from '../tasks.logic';
import { tasksState } from '../tasks-state';
import { KIND_KEYS, reasonText } from './text';

/**
 * The selected patrol area: its figures (planar 亩 in its zone), notice, people, rules and history count; 编辑, 结案 (a
 * site: with a day, not before the notice), 删除 (confirmed; the record and its history stay stored, marked deleted).
 */
export function AreaDetails({ area }: { area: PatrolArea }) {
  const { t } = useI18n();
  const { rules } = useStore(patrolState);
  const mu = useMemo(() => areaMuOf(area.geometry, area.zone), [area]);
  const [closing, setClosing] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ruleName = (id: string) => rules.find((r) => r.id === id)?.name ?? t('tasks.rule.unknown', { id });
  const fail = (reason: string) => setError(t('tasks.refused', { reason: reasonText(t, reason) }));
  return (
    <div data-testid="tasks-area-details" style={{ borderTop: '1px solid rgba(0,0,0,0.12)', paddingTop: 6 }}>
      <h3 style={{ margin: '2px 0 0' }}>{area.name}</h3>
      <p className="muted" style={{ margin: '0 0 4px' }}>
        {t(KIND_KEYS[area.kind])}
        {area.keyAreaKind && ` · ${area.keyAreaKind}`}
      </p>
      <table className="kv">
        <tbody>
          <tr>
            <th>{t('tasks.field.area')}</th>
            <td data-testid="tasks-area-mu">{mu === null ? '—' : t('tasks.muValue', { mu: formatMu(mu), zone: area.zone.zone })}</td>
          </tr>
          {area.corridor && (
            <tr>
              <th>{t('tasks.field.width')}</th>
              <td>{t('tasks.widthValue', { m: area.corridor.widthMetres })}</td>
            </tr>
          )}
          {area.stopNotice && (
            <tr>
              <th>{t('tasks.field.notice')}</th>
              <td data-testid="tasks-area-notice">
                {t('tasks.noticeValue', { no: area.stopNotice.noticeNo || '—', date: area.stopNotice.noticeDate })}
                {area.stopNotice.closedDate && ` · ${t('tasks.site.closed', { date: area.stopNotice.closedDate })}`}
              </td>
            </tr>
          )}
          <tr>
            <th>{t('tasks.field.people')}</th>
            <td>
              {area.people.length === 0
                ? t('tasks.none')
                : area.people.map((p) => (p.lawEnforcementCertNo ? `${p.name}（${p.lawEnforcementCertNo}）` : p.name)).join('、')}
            </td>
          </tr>
          <tr>
            <th>{t('tasks.field.rules')}</th>
            <td data-testid="tasks-area-rules">{area.ruleIds.length === 0 ? t('tasks.none') : area.ruleIds.map(ruleName).join('；')}</td>
          </tr>
          {area.notes && (
            <tr>
              <th>{t('tasks.field.notes')}</th>
              <td>{area.notes}</td>
            </tr>
          )}
          <tr>
            <th>{t('tasks.field.history')}</th>
            <td className="muted">{t('tasks.historyCount', { n: area.history.length })}</td>
          </tr>
        </tbody>
      </table>
      {closing !== null && (
        <div style={{ display: 'flex', gap: 6, alignItems: 'end' }}>
          <DateField label={t('tasks.site.closeDate')} value={closing} onChange={(v) => setClosing(v ?? '')} testId="tasks-close-date" />
          <button
            type="button"
            className="btn small primary"
            data-testid="tasks-close-confirm"
            onClick={() => void closeSite(area.id, closing as DateKey).then((r) => (r.ok ? setClosing(null) : fail(r.reason)))}
          >
            {t('tasks.site.closeConfirm')}
          </button>
        </div>
      )}
      {error && (
        <p className="msg error" role="alert">
          {error}
        </p>
      )}
      <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap', marginTop: 6 }}>
        <button
          type="button"
          className="btn small"
          data-testid="tasks-area-edit"
          onClick={() => tasksState.set((s) => ({ ...s, areaDraft: draftOfArea(area) }))}
        >
          {t('tasks.edit')}
        </button>
        {area.stopNotice && area.stopNotice.closedDate === null && closing === null && (
          <button type="button" className="btn small" data-testid="tasks-site-close" onClick={() => setClosing(localDateOf(Date.now()))}>
            {t('tasks.site.close')}
          </button>
        )}
        {confirmDelete ? (
          <>
            <span className="muted">{t('tasks.deleteConfirm')}</span>
            <button
              type="button"
              className="btn small danger"
              data-testid="tasks-area-delete-confirm"
              onClick={() => void deleteArea(area.id).then((r) => !r.ok && fail(r.reason))}
            >
              {t('tasks.delete')}
            </button>
            <button type="button" className="btn small" onClick={() => setConfirmDelete(false)}>
              {t('tasks.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="btn small" data-testid="tasks-area-delete" onClick={() => setConfirmDelete(true)}>
            {t('tasks.delete')}
          </button>
        )}
      </div>
    </div>
  );
}
