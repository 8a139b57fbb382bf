import { useMemo, useState } from 'react';
import { formatNumber, useI18n } from '../../../i18n';
import { NumberField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { gridState } from '../../grid';
import { coverageRows, DEFAULT_THRESHOLDS, sortCoverageRows, toggleTick, type CoverageSort } from '../coverage-table.logic';
import { formState, setOverrides, setThresholds } from '../patrol-form-state';

/** 覆盖区域: each area the route entered, metres and minutes inside, covered by the thresholds, the officer's tick. */
export function CoverageTable() {
  const { t, lang } = useI18n();
  const form = useStore(formState);
  const { areas } = useStore(gridState);
  const [sort, setSort] = useState<{ by: CoverageSort; desc: boolean }>({ by: 'metres', desc: true });
  const names = useMemo(() => new Map(areas.map((a) => [a.id as string, a.name])), [areas]);
  const rows = useMemo(
    () => (form ? sortCoverageRows(coverageRows(form.coverage, form.thresholds, form.overrides, names), sort.by, sort.desc) : []),
    [form, names, sort],
  );
  if (!form) return null;
  const th = form.thresholds;
  const header = (by: CoverageSort, label: string) => (
    <th aria-sort={sort.by === by ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="link-btn" onClick={() => setSort((s) => ({ by, desc: s.by === by ? !s.desc : by !== 'name' }))}>
        {label}
        {sort.by === by ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  const ticked = rows.filter((r) => r.ticked).length;
  return (
    <fieldset className="patrol-section" data-testid="patrol-coverage">
      <legend>{t('patrol.field.areas')}</legend>
      <div className="patrol-thresholds">
        <NumberField
          label={t('patrol.threshold.metres')}
          unit="m"
          min={0}
          value={th.minMetres}
          testId="patrol-min-metres"
          onChange={(v) => setThresholds({ ...th, minMetres: v ?? DEFAULT_THRESHOLDS.minMetres })}
        />
        <NumberField
          label={t('patrol.threshold.minutes')}
          unit={t('patrol.unit.minutes')}
          min={0}
          value={th.minMinutes}
          testId="patrol-min-minutes"
          onChange={(v) => setThresholds({ ...th, minMinutes: v ?? DEFAULT_THRESHOLDS.minMinutes })}
        />
      </div>
      <p className="field-hint">
        {t('patrol.threshold.hint', { metres: formatNumber(lang, th.minMetres), minutes: formatNumber(lang, th.minMinutes, 1) })}
      </p>
      {rows.length === 0 ? (
        <p className="muted">{form.draft.route.length === 0 ? t('patrol.coverage.noRoute') : t('patrol.coverage.none')}</p>
      ) : (
        <>
          <table className="patrol-coverage-table" data-testid="patrol-coverage-table">
            <thead>
              <tr>
                {header('covered', t('patrol.coverage.tick'))}
                {header('name', t('patrol.coverage.area'))}
                {header('metres', t('patrol.coverage.metres'))}
                {header('minutes', t('patrol.coverage.minutes'))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={r.id}
                  data-testid="patrol-coverage-row"
                  data-area-id={r.id}
                  data-covered={r.covered}
                  data-ticked={r.ticked}
                  className={r.ticked ? 'on' : 'off'}
                >
                  <td>
                    <input
                      type="checkbox"
                      checked={r.ticked}
                      aria-label={t('patrol.coverage.tickArea', { name: r.name })}
                      data-testid="patrol-coverage-tick"
                      onChange={() => setOverrides(toggleTick(form.overrides, r))}
                    />
                  </td>
                  <td>
                    {r.name}
                    {r.overridden && (
                      <span className="muted" title={t('patrol.coverage.overriddenHint')}>
                        {' '}
                        {t('patrol.coverage.overridden')}
                      </span>
                    )}
                  </td>
                  <td className="num" data-testid="patrol-coverage-metres">
                    {formatNumber(lang, r.insideMetres, 0)}
                  </td>
                  <td className="num" data-testid="patrol-coverage-minutes">
                    {r.insideMinutes === null ? '—' : formatNumber(lang, r.insideMinutes, 1)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted" data-testid="patrol-coverage-summary">
            {t('patrol.coverage.summary', { ticked: formatNumber(lang, ticked), entered: formatNumber(lang, form.coverage.length) })}
          </p>
        </>
      )}
    </fieldset>
  );
}
