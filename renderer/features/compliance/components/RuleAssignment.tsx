import { useMemo, useState } from 'react';
import { KEY_AREA_KINDS, type KeyAreaKind } from '../../../../shared/domain/grid/area-record';
import { formatNumber, useI18n } from '../../../i18n';
import { errorText } from '../../../platform/coded-error';
import { CheckboxField, RadioGroup, Select } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { gridState, saveAreas } from '../../grid';
import { patrolState } from '../../patrol';
import { applyAssignment, assignTargets, keyAreaState, tickStates, type AssignScope } from '../assign.logic';
import { orderRules } from '../rule-form.logic';
import { RuleLine } from './RuleLine';

/** Who the grid's history names for these edits until the office's users are set up (the grid's own editor name). */
const EDITOR = '本机用户';

/**
 * 规则分配: for the area selected in the grid (or every cell under it), tick which of the office's rules apply and mark
 * a key area (重点区域) of a kind; saved through the grid's saveAreas in one transaction, each area's history
 * naming the fields changed. Marking a key area ticks the key-area rules if none is ticked yet.
 */
export function RuleAssignment() {
  const { t, lang } = useI18n();
  const { areas, selectedId } = useStore(gridState);
  const stored = useStore(patrolState).rules;
  const rules = useMemo(() => orderRules(stored), [stored]);
  const selected = areas.find((a) => a.id === selectedId) ?? null;
  const [scope, setScope] = useState<AssignScope>('self');
  const effectiveScope: AssignScope = selected?.level === 'cell' ? 'self' : scope;
  const targets = useMemo(() => assignTargets(areas, selectedId, effectiveScope), [areas, selectedId, effectiveScope]);
  const states = useMemo(() => tickStates(targets, rules), [targets, rules]);
  const keyNow = keyAreaState(targets);
  const [changes, setChanges] = useState<Map<string, boolean>>(new Map());
  const [keyArea, setKeyArea] = useState<KeyAreaKind | null | 'keep'>('keep');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [forId, setForId] = useState<string | null>(null);
  if (forId !== `${selectedId}|${effectiveScope}`) {
    // A new selection or scope starts from what is stored.
    setForId(`${selectedId}|${effectiveScope}`);
    setChanges(new Map());
    setKeyArea('keep');
    setMessage(null);
  }
  if (!selected)
    return (
      <p className="muted" data-testid="compliance-assign-empty">
        {t('compliance.assign.pick')}
      </p>
    );

  const ticked = (id: string) => changes.get(id) ?? states[id] === 'all';
  const keyShown = keyArea === 'keep' ? keyNow : keyArea;
  const setTick = (id: string, on: boolean) => setChanges((m) => new Map(m).set(id, on));
  const markKey = (on: boolean) => {
    setKeyArea(on ? (keyNow !== null && keyNow !== 'mixed' ? keyNow : '工业集中区') : null);
    const keyRules = rules.filter((r) => r.appliesTo === 'keyArea');
    if (on && !keyRules.some((r) => ticked(r.id))) for (const r of keyRules) setTick(r.id, true);
  };

  async function save() {
    setBusy(true);
    setMessage(null);
    try {
      const edit = { at: Date.now(), by: EDITOR };
      const changed = applyAssignment(targets, { rules: changes, keyArea: keyArea === 'keep' ? 'keep' : keyArea ? { kind: keyArea } : null }, rules);
      if (changed.length === 0) return setMessage({ ok: true, text: t('compliance.assign.nothing') });
      const r = await saveAreas(changed, edit);
      if (!r.ok) return setMessage({ ok: false, text: t('compliance.assign.refused', { reason: r.reason }) });
      setChanges(new Map());
      setKeyArea('keep');
      setMessage({ ok: true, text: t('compliance.assign.saved', { n: formatNumber(lang, changed.length) }) });
    } catch (e) {
      setMessage({ ok: false, text: t('compliance.assign.failed', { message: errorText(e, t) }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="compliance-assign" className="fields" style={{ gap: 6 }}>
      <div>
        {t('compliance.assign.for')} <strong data-testid="compliance-assign-area">{selected.name}</strong>
      </div>
      {selected.level !== 'cell' && (
        <RadioGroup<AssignScope>
          label={t('compliance.assign.scope')}
          hideLabel
          options={[
            { value: 'self', label: t('compliance.assign.scopeSelf') },
            { value: 'cells', label: t('compliance.assign.scopeCells', { n: formatNumber(lang, assignTargets(areas, selectedId, 'cells').length) }) },
          ]}
          value={effectiveScope}
          onChange={setScope}
          testId="compliance-assign-scope"
        />
      )}
      {targets.length === 0 ? (
        <p className="muted">{t('compliance.assign.noCells')}</p>
      ) : (
        <>
          {rules.map((r) => (
            <label
              key={r.id}
              className="check"
              data-testid="compliance-assign-rule"
              data-rule-id={r.id}
              style={{ display: 'flex', gap: 6, alignItems: 'baseline' }}
            >
              <input
                type="checkbox"
                checked={ticked(r.id)}
                ref={(el) => {
                  if (el) el.indeterminate = !changes.has(r.id) && states[r.id] === 'some';
                }}
                onChange={(e) => setTick(r.id, e.target.checked)}
              />
              <RuleLine rule={r} compact />
            </label>
          ))}
          <CheckboxField
            label={t('compliance.assign.keyArea')}
            checked={keyShown !== null}
            onChange={markKey}
            hint={keyShown === 'mixed' ? t('compliance.assign.keyMixed') : undefined}
            testId="compliance-assign-key"
            after={
              keyShown !== null && keyShown !== 'mixed' ? (
                <Select
                  title={t('compliance.assign.keyKind')}
                  options={KEY_AREA_KINDS.map((k) => ({ value: k, label: k }))}
                  value={keyShown}
                  onChange={(k) => setKeyArea(k)}
                  testId="compliance-assign-key-kind"
                />
              ) : undefined
            }
          />
          <div style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
            {message && (
              <span className={message.ok ? 'muted' : 'msg error'} role={message.ok ? 'status' : 'alert'} data-testid="compliance-assign-message">
                {message.text}
              </span>
            )}
            <button
              type="button"
              className="btn small primary"
              style={{ marginLeft: 'auto' }}
              disabled={busy}
              onClick={() => void save()}
              data-testid="compliance-assign-save"
            >
              {t('compliance.save')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
