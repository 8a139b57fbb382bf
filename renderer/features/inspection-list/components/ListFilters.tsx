import type { DateKey } from '../../../../shared/domain/patrol/calendar';
import { CONCLUSIONS } from '../../../../shared/domain/inspection/inspection-record';
import { INSPECTION_STATUSES } from '../../../../shared/domain/inspection/status';
import { useI18n } from '../../../i18n';
import { DateField, SelectField, TextField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { SOURCE_KINDS, STATUS_STYLE, toggleStatus, villagesOf, type ConclusionChoice, type SourceKind } from '../inspection-list.logic';
import { clearFilter, listUi, setListUi } from '../inspection-list-state';
import type { QueryResult } from '../inspection-list.protocol';
import { CONCLUSION_KEY, SOURCE_KEY, STATUS_KEY } from '../text-keys';

/** The search box and the filters: status (several), date from–to, township, village, conclusion, source. */
export function ListFilters({ choices }: { choices: QueryResult['choices'] | null }) {
  const { t } = useI18n();
  const ui = useStore(listUi);
  const townships = choices?.townships ?? [];
  const villages = choices ? villagesOf(choices, ui.township) : [];
  const any = { value: '', label: t('inspectionList.any') };
  return (
    <div className="fields" style={{ padding: '8px 10px', gap: 6 }}>
      <TextField
        label={t('inspectionList.search')}
        type="search"
        placeholder={t('inspectionList.searchHint')}
        value={ui.text}
        onChange={(text) => setListUi({ text })}
        testId="inspection-list-search"
      />
      <fieldset style={{ border: 0, margin: 0, padding: 0 }} data-testid="inspection-list-statuses">
        <legend className="field-label">{t('inspectionList.statuses')}</legend>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 8px' }}>
          {INSPECTION_STATUSES.map((s) => (
            <label key={s} className="check" style={{ color: STATUS_STYLE[s].line }}>
              <input
                type="checkbox"
                checked={ui.statuses.includes(s)}
                data-testid="inspection-list-status"
                data-status={s}
                onChange={() => setListUi({ statuses: toggleStatus(ui.statuses, s) })}
              />
              <span className="check-text">{t(STATUS_KEY[s])}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div style={{ display: 'flex', gap: 6 }}>
        <DateField
          label={t('inspectionList.from')}
          title={t('inspectionList.dateHint')}
          value={ui.from}
          onChange={(v) => setListUi({ from: v as DateKey | null })}
          testId="inspection-list-from"
        />
        <DateField
          label={t('inspectionList.to')}
          value={ui.to}
          onChange={(v) => setListUi({ to: v as DateKey | null })}
          testId="inspection-list-to"
        />
      </div>
      <SelectField
        label={t('inspectionList.township')}
        layout="inline"
        options={[any, ...townships.map((x) => ({ value: x, label: x }))]}
        value={townships.includes(ui.township) ? ui.township : ''}
        onChange={(township) => setListUi({ township, village: '' })}
        testId="inspection-list-township"
      />
      <SelectField
        label={t('inspectionList.village')}
        layout="inline"
        options={[any, ...villages.map((x) => ({ value: x, label: x }))]}
        value={villages.includes(ui.village) ? ui.village : ''}
        onChange={(village) => setListUi({ village })}
        testId="inspection-list-village"
      />
      <SelectField<ConclusionChoice>
        label={t('inspectionList.conclusion')}
        layout="inline"
        options={[
          { value: '', label: t('inspectionList.any') },
          ...[...CONCLUSIONS, 'none' as const].map((c) => ({ value: c, label: t(CONCLUSION_KEY[c]) })),
        ]}
        value={ui.conclusion}
        onChange={(conclusion) => setListUi({ conclusion })}
        testId="inspection-list-conclusion"
      />
      <SelectField<SourceKind | ''>
        label={t('inspectionList.source')}
        layout="inline"
        options={[{ value: '', label: t('inspectionList.any') }, ...SOURCE_KINDS.map((s) => ({ value: s, label: t(SOURCE_KEY[s]) }))]}
        value={ui.source}
        onChange={(source) => setListUi({ source })}
        testId="inspection-list-source"
      />
      <div>
        <button type="button" className="btn small" onClick={clearFilter} data-testid="inspection-list-clear">
          {t('inspectionList.clear')}
        </button>
      </div>
    </div>
  );
}
