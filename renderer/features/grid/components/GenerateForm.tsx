import { useState } from 'react';
import type { GridArea } from '../../../../shared/domain/grid/area-record';
import type { CellLayout } from '../../../../shared/domain/grid/generate';
import { formatNumber, useI18n, type MessageKey, type Translate } from '../../../i18n';
import { errorReason, toCodedError } from '../../../platform/coded-error';
import { NumberField, SelectField } from '../../../ui/fields';
import { useWorkbench } from '../../../ui/workbench';
import { useStore } from '../../../ui/store';
import { GRID_EDITOR } from '../grid-editor';
import { generateInWorker, gridState, saveAreas, setPreview } from '../grid-state';
import type { GenerateRun } from '../grid.protocol';
import { writeReasonText } from './GridPanel';

type Kind = 'square' | 'rowsCols';

const GENERATE_REASONS: Record<string, MessageKey> = {
  noBoundary: 'grid.generate.reason.noBoundary',
  emptyBoundary: 'grid.generate.reason.noBoundary',
  badLayout: 'grid.generate.reason.badLayout',
  tooManyCells: 'grid.generate.reason.tooManyCells',
};

function generateErrorText(e: unknown, t: Translate): string {
  const c = toCodedError(e);
  const reason = c.code === 'invalidRequest' ? c.params?.reason : undefined;
  const key = typeof reason === 'string' ? GENERATE_REASONS[reason] : undefined;
  return t('grid.generate.failed', { message: key ? t(key) : errorReason(e, t) });
}

/**
 * 生成网格单元: square cells of N metres or N × M cells over the parent, cut in its GK zone in the worker (GEOS), shown
 * on the map as a preview, then saved in one write or discarded. Names continue after the parent's stored children.
 */
export function GenerateForm({ parent }: { parent: GridArea }) {
  const { t, lang } = useI18n();
  const wb = useWorkbench();
  const { areas, preview } = useStore(gridState);
  const [kind, setKind] = useState<Kind>('square');
  const [size, setSize] = useState<number | null>(500);
  const [rows, setRows] = useState<number | null>(2);
  const [cols, setCols] = useState<number | null>(2);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [run, setRun] = useState<GenerateRun | null>(null);
  const layout: CellLayout | null =
    kind === 'square'
      ? size !== null && size > 0
        ? { kind, sizeMetres: size }
        : null
      : rows !== null && cols !== null
        ? { kind, rows, cols }
        : null;
  const shown = preview !== null && run !== null && preview === run.areas ? run : null;

  async function generate() {
    if (!layout) return;
    setBusy(true);
    setError(null);
    try {
      const taken = areas.filter((a) => a.parentId === parent.id).map((a) => a.name);
      const r = await generateInWorker({ parent, layout, takenNames: taken, by: GRID_EDITOR, at: Date.now() });
      setRun(r);
      setPreview(r.areas);
    } catch (e) {
      setError(generateErrorText(e, t));
    } finally {
      setBusy(false);
    }
  }

  async function save() {
    if (!shown) return;
    setBusy(true);
    try {
      const saved = await saveAreas(shown.areas, { at: Date.now(), by: GRID_EDITOR });
      if (!saved.ok) return setError(writeReasonText(t, saved.reason));
      setPreview(null);
      setRun(null);
      wb.notices.push('info', t('grid.generate.saved', { count: shown.areas.length, parent: parent.name }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="grid-generate"
      data-testid="grid-generate-form"
      style={{ display: 'grid', gap: 6, paddingTop: 6 }}
      onSubmit={(e) => {
        e.preventDefault();
        if (layout && !busy) void generate();
      }}
    >
      <h4 style={{ margin: 0 }}>{t('grid.generate')}</h4>
      <SelectField
        label={t('grid.generate.layout')}
        layout="inline"
        options={[
          { value: 'square', label: t('grid.generate.square') },
          { value: 'rowsCols', label: t('grid.generate.rowsCols') },
        ]}
        value={kind}
        onChange={setKind}
        testId="grid-generate-layout"
      />
      {kind === 'square' ? (
        <NumberField label={t('grid.generate.size')} layout="inline" unit="m" min={1} value={size} onChange={setSize} testId="grid-generate-size" />
      ) : (
        <>
          <NumberField label={t('grid.generate.rows')} layout="inline" min={1} integer value={rows} onChange={setRows} testId="grid-generate-rows" />
          <NumberField label={t('grid.generate.cols')} layout="inline" min={1} integer value={cols} onChange={setCols} testId="grid-generate-cols" />
        </>
      )}
      {error && (
        <p className="msg error" role="alert" data-testid="grid-error">
          {error}
        </p>
      )}
      {shown && (
        <p className="panel-note" data-testid="grid-generate-preview">
          {t('grid.generate.preview', {
            count: formatNumber(lang, shown.areas.length),
            cells: formatNumber(lang, shown.cellsPlanarM2, 0),
            parent: formatNumber(lang, shown.parentPlanarM2, 0),
          })}
        </p>
      )}
      <div style={{ display: 'flex', gap: 6, justifyContent: 'flex-end' }}>
        {shown && (
          <button
            type="button"
            className="btn small"
            disabled={busy}
            onClick={() => {
              setPreview(null);
              setRun(null);
            }}
            data-testid="grid-generate-discard"
          >
            {t('grid.generate.discard')}
          </button>
        )}
        <button type="submit" className="btn small" disabled={busy || !layout} data-testid="grid-generate-run">
          {t('grid.generate.run')}
        </button>
        {shown && (
          <button type="button" className="btn small primary" disabled={busy} onClick={() => void save()} data-testid="grid-generate-save">
            {t('grid.generate.save')}
          </button>
        )}
      </div>
    </form>
  );
}
