import { useState } from 'react';
import type { GridArea } from '../../../../shared/domain/grid/area-record';
import { labelPointOf } from '../../../../shared/domain/grid/label-point';
import type { AreaFigures } from '../../../../shared/domain/units/area';
import { formatNumber, useI18n } from '../../../i18n';
import { errorText } from '../../../platform/coded-error';
import { SelectField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { gridState } from '../grid-state';
import { clearTopology, fixGap, fixOverlap, gridEditState, type SaveOutcome } from '../grid-map-edit';
import { outcomeText } from './outcome-text';

/**
 * 拓扑检查 of a parent's children: overlaps (red on the map) and gaps (orange), each with its planar area in the
 * parent's zone and 亩, and its fix: an overlap taken out of one of its two children, a gap given to a child that
 * borders it. Each fix is stored with a history entry and the check runs again.
 */
export function TopologyList({ parent }: { parent: GridArea }) {
  const { t, lang } = useI18n();
  const { topology, busy } = useStore(gridEditState);
  const { areas } = useStore(gridState);
  const [error, setError] = useState<string | null>(null);
  const [choice, setChoice] = useState<Record<number, string>>({});
  if (!topology || topology.parentId !== parent.id) return null;
  const { result, gapNeighbours } = topology.run;
  const name = (id: string) => areas.find((a) => a.id === id)?.name ?? id;
  const fig = (f: AreaFigures) => t('gridMap.topology.figures', { m2: formatNumber(lang, f.planarM2, 2), mu: formatNumber(lang, f.mu, 4) });
  const run = (p: Promise<SaveOutcome>) => {
    setError(null);
    p.then((o) => !o.ok && setError(outcomeText(t, o.reason ?? ''))).catch((e: unknown) =>
      setError(t('grid.saveFailed', { message: errorText(e, t) })),
    );
  };
  return (
    <div
      className="grid-topology"
      data-testid="grid-topology-result"
      data-clean={result.clean ? 'true' : 'false'}
      style={{ display: 'grid', gap: 4, marginTop: 6 }}
    >
      <strong>
        {t('gridMap.topology.title')}{' '}
        <span className="muted">{t('gridMap.topology.zone', { zone: result.zone.zone, tol: formatNumber(lang, result.toleranceM2, 2) })}</span>
        <button type="button" className="btn small" style={{ float: 'right' }} onClick={clearTopology} data-testid="grid-topology-close">
          {t('gridMap.topology.close')}
        </button>
      </strong>
      {result.clean && (
        <p className="msg info" data-testid="grid-topology-clean">
          {t('gridMap.topology.clean')}
        </p>
      )}
      {result.overlaps.map((o, i) => (
        <div key={`o${i}`} data-testid="grid-topology-overlap" style={{ display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'baseline' }}>
          <span style={{ color: '#c0392b' }}>■</span>
          <span>{t('gridMap.topology.overlap', { a: name(o.a), b: name(o.b) })}</span>
          <span data-testid="grid-topology-figures" data-m2={o.area.planarM2.toFixed(4)}>
            {fig(o.area)}
          </span>
          <button
            type="button"
            className="btn small"
            disabled={busy !== null}
            data-testid="grid-fix-overlap-a"
            onClick={() => run(fixOverlap(parent, o.a, o.b))}
          >
            {t('gridMap.topology.removeFrom', { name: name(o.a) })}
          </button>
          <button
            type="button"
            className="btn small"
            disabled={busy !== null}
            data-testid="grid-fix-overlap-b"
            onClick={() => run(fixOverlap(parent, o.b, o.a))}
          >
            {t('gridMap.topology.removeFrom', { name: name(o.b) })}
          </button>
        </div>
      ))}
      {result.gaps.map((g, i) => {
        const options = (gapNeighbours[i] ?? []).map((id) => ({ value: id, label: name(id) }));
        const target = choice[i] ?? options[0]?.value ?? '';
        const point = labelPointOf(g.geometry);
        return (
          <div key={`g${i}`} data-testid="grid-topology-gap" style={{ display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'baseline' }}>
            <span style={{ color: '#e67e22' }}>■</span>
            <span>{t('gridMap.topology.gap', { n: i + 1 })}</span>
            <span data-testid="grid-topology-figures" data-m2={g.area.planarM2.toFixed(4)}>
              {fig(g.area)}
            </span>
            {options.length === 0 ? (
              <span className="muted">{t('gridMap.topology.noNeighbour')}</span>
            ) : (
              <>
                <SelectField
                  label={t('gridMap.topology.giveTo')}
                  layout="inline"
                  options={options}
                  value={target}
                  onChange={(v) => setChoice((c) => ({ ...c, [i]: v }))}
                  testId="grid-fix-gap-target"
                />
                <button
                  type="button"
                  className="btn small"
                  disabled={busy !== null || !point}
                  data-testid="grid-fix-gap"
                  onClick={() => point && run(fixGap(parent, target, point))}
                >
                  {t('gridMap.topology.fill')}
                </button>
              </>
            )}
          </div>
        );
      })}
      {result.outside.map((o, i) => (
        <div key={`x${i}`} data-testid="grid-topology-outside">
          {t('gridMap.topology.outside', { name: name(o.id) })} {fig(o.area)}
        </div>
      ))}
      {result.noBoundary.length > 0 && (
        <div className="muted">{t('gridMap.topology.noBoundary', { names: result.noBoundary.map(name).join('、') })}</div>
      )}
      {result.ignored.overlaps.count + result.ignored.gaps.count > 0 && (
        <div className="muted" data-testid="grid-topology-ignored">
          {t('gridMap.topology.ignored', {
            count: result.ignored.overlaps.count + result.ignored.gaps.count,
            m2: formatNumber(lang, result.ignored.overlaps.planarM2 + result.ignored.gaps.planarM2, 4),
          })}
        </div>
      )}
      {error && (
        <p className="msg error" role="alert" data-testid="grid-topology-error">
          {error}
        </p>
      )}
    </div>
  );
}
