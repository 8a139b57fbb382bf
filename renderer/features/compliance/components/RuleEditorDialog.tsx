import { useMemo, useState } from 'react';
import { deletePatrolRules, putPatrolRules } from '../../../db';
import { formatNumber, useI18n } from '../../../i18n';
import { errorText } from '../../../platform/coded-error';
import { Dialog } from '../../../ui/Dialog';
import { useStore } from '../../../ui/store';
import { gridState } from '../../grid';
import { patrolState, reloadRules } from '../../patrol';
import { complianceUi, setUi, usePatrolAreas } from '../compliance-state';
import { areasUsingRule, draftOf, emptyDraft, newRuleId, orderRules, ruleFromDraft, type RuleDraft } from '../rule-form.logic';
import { RuleLine } from './RuleLine';
import { RuleForm } from './RuleForm';

/**
 * 巡查规则: the office's rules, each as the line it reads as and the office's own name; add, edit, delete. A rule that
 * areas use asks before it goes (those areas then show it as an unknown rule, never silently lose it). Each save or
 * deletion is one transaction (putPatrolRules / deletePatrolRules) and the patrol store is read again after it.
 */
export function RuleEditorHost() {
  const { rulesOpen } = useStore(complianceUi);
  return rulesOpen ? <RuleEditorDialog onClose={() => setUi({ rulesOpen: false })} /> : null;
}

function RuleEditorDialog({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const stored = useStore(patrolState).rules;
  const rules = useMemo(() => orderRules(stored), [stored]);
  const { areas } = useStore(gridState);
  const patrolAreas = usePatrolAreas();
  const [editing, setEditing] = useState<RuleDraft | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const using = (id: string) => areasUsingRule(id, areas) + areasUsingRule(id, patrolAreas);

  async function save(d: RuleDraft) {
    setError(null);
    const rule = ruleFromDraft(d, t, newRuleId(Date.now()));
    if (!rule) return;
    try {
      const r = await putPatrolRules([rule]);
      if (!r.ok) return setError(t('compliance.rule.refused', { reason: r.reason }));
      await reloadRules();
      setEditing(null);
    } catch (e) {
      setError(t('compliance.rule.saveFailed', { message: errorText(e, t) }));
    }
  }

  async function remove(id: string) {
    setError(null);
    try {
      await deletePatrolRules([id]);
      await reloadRules();
      setConfirming(null);
    } catch (e) {
      setError(t('compliance.rule.saveFailed', { message: errorText(e, t) }));
    }
  }

  return (
    <Dialog title={t('compliance.rules.title')} onClose={onClose} wide testId="compliance-rules-dialog">
      <p className="muted">{t('compliance.rules.intro')}</p>
      {rules.length === 0 && <p className="empty-note">{t('compliance.rules.empty')}</p>}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 4 }}>
        {rules.map((r) => {
          const n = using(r.id);
          return (
            <li key={r.id} data-testid="compliance-rule-row" data-rule-id={r.id} style={{ borderBottom: '1px solid #eee', padding: '4px 0' }}>
              <div style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
                <RuleLine rule={r} />
                <span className="muted" data-testid="compliance-rule-used" style={{ marginLeft: 'auto', whiteSpace: 'nowrap' }}>
                  {t('compliance.rules.used', { n: formatNumber(lang, n) })}
                </span>
                <button type="button" className="btn small" data-testid="compliance-rule-edit" onClick={() => setEditing(draftOf(r))}>
                  {t('compliance.edit')}
                </button>
                <button
                  type="button"
                  className="btn small danger"
                  data-testid="compliance-rule-delete"
                  onClick={() => (n > 0 ? setConfirming(r.id) : void remove(r.id))}
                >
                  {t('compliance.delete')}
                </button>
              </div>
              {confirming === r.id && (
                <div
                  className="msg warning"
                  role="alert"
                  data-testid="compliance-rule-delete-warning"
                  style={{ display: 'flex', gap: 8, alignItems: 'center' }}
                >
                  <span>{t('compliance.rules.deleteUsed', { n: formatNumber(lang, n) })}</span>
                  <button type="button" className="btn small" onClick={() => setConfirming(null)}>
                    {t('compliance.cancel')}
                  </button>
                  <button type="button" className="btn small danger" data-testid="compliance-rule-delete-confirm" onClick={() => void remove(r.id)}>
                    {t('compliance.rules.deleteAnyway')}
                  </button>
                </div>
              )}
              {editing?.id === r.id && <RuleForm key={r.id} initial={editing} onSave={(d) => void save(d)} onCancel={() => setEditing(null)} />}
            </li>
          );
        })}
      </ul>
      {editing && editing.id === null ? (
        <RuleForm key="new" initial={editing} onSave={(d) => void save(d)} onCancel={() => setEditing(null)} />
      ) : (
        <button
          type="button"
          className="btn small"
          data-testid="compliance-rule-add"
          style={{ marginTop: 8 }}
          onClick={() => setEditing(emptyDraft())}
        >
          {t('compliance.rules.add')}
        </button>
      )}
      {error && (
        <p className="msg error" role="alert" data-testid="compliance-rule-error">
          {error}
        </p>
      )}
    </Dialog>
  );
}
