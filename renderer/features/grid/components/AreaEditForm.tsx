import { useState } from 'react';
import {
  AREA_ROLES,
  DEFAULT_AREA_ROLE,
  KEY_AREA_KINDS,
  amendGridArea,
  type AreaPerson,
  type GridArea,
  type KeyAreaKind,
} from '../../../../shared/domain/grid/area-record';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../platform/coded-error';
import { CheckboxField, Field, SelectField, TextField } from '../../../ui/fields';
import { GRID_EDITOR } from '../grid-editor';
import { saveAreas } from '../grid-state';
import { outcomeText } from './outcome-text';

const roleOptions = (current: string) =>
  [...AREA_ROLES, ...(AREA_ROLES.includes(current as (typeof AREA_ROLES)[number]) ? [] : [current])].map((r) => ({ value: r, label: r }));

/**
 * An area's name, code, duties (定职责), key-area mark and kind, and people (name, role, 执法证号, phone) edited and saved as one edit: amendGridArea records which
 * fields changed in the area's history, putGridAreas stores it in one transaction. A refusal is said, nothing stored.
 */
export function AreaEditForm({ area, onDone }: { area: GridArea; onDone: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(area.name);
  const [people, setPeople] = useState<AreaPerson[]>(area.people);
  const [code, setCode] = useState(area.code ?? '');
  const [duties, setDuties] = useState(area.duties);
  const [keyKind, setKeyKind] = useState<KeyAreaKind | null>(area.keyArea?.kind ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setPerson = (i: number, patch: Partial<AreaPerson>) => setPeople((ps) => ps.map((p, k) => (k === i ? { ...p, ...patch } : p)));

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const edit = { at: Date.now(), by: GRID_EDITOR };
      const kept = people.map((p) => ({ ...p, name: p.name.trim() })).filter((p) => p.name !== '');
      const amended = amendGridArea(
        area,
        {
          name: name.trim(),
          people: kept,
          code: code.trim() === '' ? null : code.trim(),
          duties: duties.trim(),
          keyArea: keyKind ? { kind: keyKind } : null,
        },
        edit,
      );
      if (!amended.ok) return setError(outcomeText(t, amended.reason));
      const saved = await saveAreas([amended.value], edit);
      if (!saved.ok) return setError(outcomeText(t, saved.reason));
      onDone();
    } catch (e) {
      setError(t('grid.saveFailed', { message: errorText(e, t) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="grid-edit"
      data-testid="grid-edit-form"
      noValidate
      style={{ display: 'grid', gap: 6, paddingTop: 6 }}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void save();
      }}
    >
      <TextField label={t('grid.edit.name')} value={name} onChange={setName} testId="grid-edit-name" required />
      {area.level !== 'cell' && (
        <TextField label={t('grid.code')} hint={t('gridMap.form.codeHint')} value={code} onChange={setCode} testId="grid-edit-code" maxLength={12} />
      )}
      <Field label={t('gridMap.form.duties')} hint={t('gridMap.form.dutiesHint')}>
        {(c) => (
          <textarea
            {...c}
            className="field-input"
            rows={3}
            value={duties}
            onChange={(e) => setDuties(e.target.value)}
            data-testid="grid-edit-duties"
          />
        )}
      </Field>
      <CheckboxField
        label={t('gridMap.form.keyArea')}
        checked={keyKind !== null}
        onChange={(on) => setKeyKind(on ? (keyKind ?? KEY_AREA_KINDS[0]) : null)}
        testId="grid-edit-key"
      />
      {keyKind !== null && (
        <SelectField
          label={t('gridMap.form.keyKind')}
          layout="inline"
          options={KEY_AREA_KINDS.map((k) => ({ value: k, label: k }))}
          value={keyKind}
          onChange={setKeyKind}
          testId="grid-edit-key-kind"
        />
      )}
      {people.map((p, i) => (
        <fieldset key={i} data-testid="grid-person" style={{ display: 'grid', gap: 4, margin: 0, padding: 6, border: '1px solid rgba(0,0,0,0.15)' }}>
          <legend>{t('grid.edit.person', { n: i + 1 })}</legend>
          <TextField
            label={t('grid.person.name')}
            layout="inline"
            value={p.name}
            onChange={(v) => setPerson(i, { name: v })}
            testId="grid-person-name"
          />
          <SelectField
            label={t('grid.person.role')}
            layout="inline"
            options={roleOptions(p.role)}
            value={p.role}
            onChange={(v) => setPerson(i, { role: v })}
            testId="grid-person-role"
          />
          <TextField
            label={t('grid.person.cert')}
            layout="inline"
            value={p.lawEnforcementCertNo}
            onChange={(v) => setPerson(i, { lawEnforcementCertNo: v })}
            testId="grid-person-cert"
          />
          <TextField
            label={t('grid.person.phone')}
            layout="inline"
            value={p.phone}
            onChange={(v) => setPerson(i, { phone: v })}
            testId="grid-person-phone"
          />
          <button
            type="button"
            className="btn small danger"
            onClick={() => setPeople((ps) => ps.filter((_, k) => k !== i))}
            data-testid="grid-person-remove"
          >
            {t('grid.edit.removePerson')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="btn small"
        onClick={() => setPeople((ps) => [...ps, { name: '', role: DEFAULT_AREA_ROLE, lawEnforcementCertNo: '', phone: '' }])}
        data-testid="grid-person-add"
      >
        {t('grid.edit.addPerson')}
      </button>
      {error && (
        <p className="msg error" role="alert" data-testid="grid-error">
          {error}
        </p>
      )}
      <div style={{ display: 'flex', gap: 6, justifyContent: 'flex-end' }}>
        <button type="button" className="btn small" onClick={onDone} disabled={busy}>
          {t('grid.cancel')}
        </button>
        <button type="submit" className="btn small primary" disabled={busy} data-testid="grid-edit-save">
          {t('grid.generate.save')}
        </button>
      </div>
    </form>
  );
}
