import { useMemo, useState } from 'react';
import { createGridArea, newGridAreaId, type GridArea } from '../../../../shared/domain/grid/area-record';
import { suggestPromoteFields } from '../../../../shared/domain/grid/promote';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../platform/coded-error';
import { SelectField, TextField, type SelectOption } from '../../../ui/fields';
import { useWorkbench } from '../../../ui/workbench';
import { useLayerList } from '../../layers';
import { promoteInWorker, saveAreas, selectArea } from '../grid-state';
import { GRID_EDITOR } from '../grid-editor';
import { writeReasonText } from './GridPanel';

const NEW_TOWNSHIP = '__new_township';
const NO_FIELD = '__none';

/**
 * 从图层提取: a polygon layer's features become areas one level below the chosen parent (a new township by name, or
 * a stored county / township / village), names from a chosen field (suggestPromoteFields preselects XZQMC …), codes
 * from a code field where they are codes of that level. The new township and its villages go in one write.
 */
export function PromoteForm({ areas, onDone }: { areas: readonly GridArea[]; onDone: () => void }) {
  const { t } = useI18n();
  const wb = useWorkbench();
  const { layers } = useLayerList();
  const polygonLayers = layers.filter((l) => l.meta.geometryKind === 'polygon');
  // The choice, else XZQ or the first polygon layer (the list may still be loading when the form opens).
  const [layerChoice, setLayerId] = useState<string | null>(null);
  const layer = polygonLayers.find((l) => l.id === layerChoice) ?? polygonLayers.find((l) => /XZQ/i.test(l.name)) ?? polygonLayers[0] ?? null;
  const layerId = layer?.id ?? '';
  const fieldNames = useMemo(() => layer?.meta.fields.map((f) => f.name) ?? [], [layer]);
  const suggested = useMemo(() => suggestPromoteFields(fieldNames), [fieldNames]);
  const [nameChoice, setNameField] = useState<string | null>(null);
  const [codeChoice, setCodeField] = useState<string | null>(null);
  const nameField = nameChoice !== null && fieldNames.includes(nameChoice) ? nameChoice : (suggested.nameField ?? fieldNames[0] ?? '');
  const codeField =
    codeChoice !== null && (codeChoice === NO_FIELD || fieldNames.includes(codeChoice)) ? codeChoice : (suggested.codeField ?? NO_FIELD);
  const parents = areas.filter((a) => a.level !== 'cell');
  const [parentId, setParentId] = useState<string>(NEW_TOWNSHIP);
  const [townshipName, setTownshipName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const layerOptions: SelectOption<string>[] = polygonLayers.map((l) => ({ value: l.id, label: l.name }));
  const fieldOptions: SelectOption<string>[] = fieldNames.map((n) => ({ value: n, label: n }));
  const parentOptions: SelectOption<string>[] = [
    { value: NEW_TOWNSHIP, label: t('grid.promote.newTownship') },
    ...parents.map((a) => ({ value: a.id, label: `${a.name}（${t(`grid.level.${a.level}`)}）` })),
  ];
  const newTownship = parentId === NEW_TOWNSHIP;
  const canRun = !busy && layer !== null && nameField !== '' && (!newTownship || townshipName.trim() !== '');

  async function run() {
    if (!layer) return;
    setBusy(true);
    setError(null);
    try {
      const at = Date.now();
      let parent: GridArea | null = parents.find((a) => a.id === parentId) ?? null;
      const batch: GridArea[] = [];
      if (newTownship) {
        const created = createGridArea(
          { id: newGridAreaId(at), level: 'township', name: townshipName.trim() },
          { at, by: GRID_EDITOR, change: 'created' },
        );
        if (!created.ok) return setError(writeReasonText(t, created.reason));
        parent = created.value;
        batch.push(parent);
      }
      if (!parent) return;
      const taken = areas.filter((a) => a.parentId === parent.id).map((a) => a.name);
      const result = await promoteInWorker({
        layerId: layer.id,
        nameField,
        codeField: codeField === NO_FIELD ? null : codeField,
        parent: { id: parent.id, level: parent.level, code: parent.code, name: parent.name },
        takenNames: taken,
        by: GRID_EDITOR,
        at,
      });
      const saved = await saveAreas([...batch, ...result.areas], { at, by: GRID_EDITOR });
      if (!saved.ok) return setError(writeReasonText(t, saved.reason));
      let text = t('grid.promote.done', { count: result.areas.length, parent: parent.name });
      if (result.skipped.length > 0) text += t('grid.promote.skipped', { count: result.skipped.length });
      if (result.codeIssues.length > 0) text += t('grid.promote.codeIssues', { count: result.codeIssues.length, field: codeField });
      if (result.duplicateNames.length > 0) text += t('grid.promote.duplicates', { names: result.duplicateNames.join('、') });
      wb.notices.push('info', text);
      selectArea(parent.id);
      onDone();
    } catch (e) {
      setError(t('grid.promote.failed', { message: errorText(e, t) }));
    } finally {
      setBusy(false);
    }
  }

  if (polygonLayers.length === 0) return <p className="empty-note">{t('grid.promote.noLayer')}</p>;
  return (
    <form
      className="grid-promote"
      data-testid="grid-promote-form"
      style={{ padding: '6px 10px', display: 'grid', gap: 6 }}
      onSubmit={(e) => {
        e.preventDefault();
        if (canRun) void run();
      }}
    >
      <SelectField label={t('grid.promote.layer')} options={layerOptions} value={layerId} onChange={setLayerId} testId="grid-promote-layer" />
      <SelectField
        label={t('grid.promote.nameField')}
        options={fieldOptions}
        value={nameField}
        onChange={setNameField}
        testId="grid-promote-name-field"
      />
      <SelectField
        label={t('grid.promote.codeField')}
        options={[{ value: NO_FIELD, label: t('grid.none') }, ...fieldOptions]}
        value={codeField}
        onChange={setCodeField}
        testId="grid-promote-code-field"
      />
      <SelectField label={t('grid.promote.parent')} options={parentOptions} value={parentId} onChange={setParentId} testId="grid-promote-parent" />
      {newTownship && (
        <TextField label={t('grid.promote.townshipName')} value={townshipName} onChange={setTownshipName} testId="grid-promote-township-name" />
      )}
      {error && (
        <p className="msg error" role="alert" data-testid="grid-error">
          {error}
        </p>
      )}
      <div style={{ display: 'flex', gap: 6, justifyContent: 'flex-end' }}>
        <button type="button" className="btn small" onClick={onDone}>
          {t('grid.cancel')}
        </button>
        <button type="submit" className="btn small primary" disabled={!canRun} data-testid="grid-promote-run">
          {t('grid.promote.run')}
        </button>
      </div>
    </form>
  );
}
