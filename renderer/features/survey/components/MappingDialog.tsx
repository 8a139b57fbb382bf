import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { Dialog } from '../../../ui/Dialog';
import { RadioGroup, Select, type SelectOption } from '../../../ui/fields';
import { useWorkbench } from '../../../ui/workbench';
import type { ColumnMapping } from '../../../../shared/formats/survey/csv';
import { applyMapping, cancelImport, type ImportStep } from '../survey-session';
import { mappingProblem } from '../survey.logic';

type Step = Extract<ImportStep, { kind: 'mapping' }>;
const NONE = '-';

/**
 * 列对应: which column is the point name, X (north), Y (east) and H. The columns are listed with their header and
 * sample values; the suggestion (from the header's words and the magnitudes) is preselected, the user confirms or
 * changes it.
 */
export function MappingDialog({ step }: { step: Step }) {
  const { t, lang } = useI18n();
  const wb = useWorkbench();
  const initial: ColumnMapping = step.suggestion.ok
    ? step.suggestion.mapping
    : { kind: 'gk', name: 0, x: Math.min(1, step.columns.length - 1), y: Math.min(2, step.columns.length - 1) };
  const [m, setM] = useState<ColumnMapping>(initial);
  const colLabel = (i: number) => {
    const c = step.columns[i];
    return c?.header ? t('survey.mapping.columnNamed', { n: i + 1, header: c.header }) : t('survey.mapping.column', { n: i + 1 });
  };
  const options: SelectOption<string>[] = step.columns.map((c) => ({ value: String(c.index), label: colLabel(c.index) }));
  const optional: SelectOption<string>[] = [{ value: NONE, label: t('survey.mapping.none') }, ...options];
  const problem = mappingProblem(m, step.columns.length);
  const role = (i: number): string => {
    if (m.name === i) return t('survey.mapping.role.name');
    if (m.x === i) return t(m.kind === 'gk' ? 'survey.mapping.role.x' : 'survey.mapping.role.lat');
    if (m.y === i) return t(m.kind === 'gk' ? 'survey.mapping.role.y' : 'survey.mapping.role.lng');
    if (m.h === i) return t('survey.mapping.role.h');
    return '';
  };
  const row = (label: string, testId: string, value: number | null | undefined, set: (v: number | null) => void, opt: boolean) => (
    <label className="survey-mapping-row">
      <span>{label}</span>
      <Select<string>
        options={opt ? optional : options}
        value={value === null || value === undefined ? NONE : String(value)}
        onChange={(v) => set(v === NONE ? null : Number(v))}
        testId={testId}
        title={label}
      />
    </label>
  );
  return (
    <Dialog
      title={t('survey.mapping.title', { file: step.file })}
      onClose={cancelImport}
      wide
      testId="survey-mapping-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={cancelImport}>
            {t('survey.cancel')}
          </button>
          <button
            type="button"
            className="btn primary"
            data-testid="survey-mapping-ok"
            disabled={problem !== null}
            onClick={() => void applyMapping(step, m, { notices: wb.notices, t, lang })}
          >
            {t('survey.mapping.ok')}
          </button>
        </>
      }
    >
      <p className="field-hint" data-testid="survey-mapping-suggested">
        {step.suggestion.ok
          ? t(step.suggestion.by === 'header' ? 'survey.mapping.byHeader' : 'survey.mapping.byMagnitude')
          : t('survey.mapping.noSuggestion')}{' '}
        {t('survey.mapping.rows', { rows: step.rows })}
      </p>
      <RadioGroup<'gk' | 'lnglat'>
        label={t('survey.mapping.kind')}
        testId="survey-mapping-kind"
        value={m.kind}
        onChange={(kind) => setM({ ...m, kind })}
        options={[
          { value: 'gk', label: t('survey.mapping.kind.gk') },
          { value: 'lnglat', label: t('survey.mapping.kind.lnglat') },
        ]}
      />
      <div className="survey-mapping-grid">
        {row(t('survey.mapping.role.name'), 'survey-mapping-name', m.name, (v) => setM({ ...m, name: v }), true)}
        {row(
          t(m.kind === 'gk' ? 'survey.mapping.role.x' : 'survey.mapping.role.lat'),
          'survey-mapping-x',
          m.x,
          (v) => v !== null && setM({ ...m, x: v }),
          false,
        )}
        {row(
          t(m.kind === 'gk' ? 'survey.mapping.role.y' : 'survey.mapping.role.lng'),
          'survey-mapping-y',
          m.y,
          (v) => v !== null && setM({ ...m, y: v }),
          false,
        )}
        {row(
          t('survey.mapping.role.h'),
          'survey-mapping-h',
          m.h,
          (v) => {
            const { h: _h, ...rest } = m;
            setM(v === null ? rest : { ...rest, h: v });
          },
          true,
        )}
      </div>
      {problem && (
        <p className="msg error" role="alert" data-testid="survey-mapping-problem">
          {t(`survey.mapping.problem.${problem}`)}
        </p>
      )}
      <div className="survey-table-wrap">
        <table className="survey-table" data-testid="survey-mapping-samples">
          <thead>
            <tr>
              {step.columns.map((c) => (
                <th key={c.index}>
                  <div>{colLabel(c.index)}</div>
                  <div className="survey-role">{role(c.index)}</div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: Math.max(0, ...step.columns.map((c) => c.samples.length)) }, (_, r) => (
              <tr key={r}>
                {step.columns.map((c) => (
                  <td key={c.index} className="num">
                    {c.samples[r] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="field-hint">{t('survey.mapping.hint')}</p>
    </Dialog>
  );
}
