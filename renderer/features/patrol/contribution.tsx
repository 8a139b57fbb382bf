/**
 * 巡查 (issue 10 item 5): the patrol log. A left-dock panel with the month's patrols (新建巡查, 导入轨迹), the patrol form
 * in the right dock beside the map, the route drawn as a live line, and while the form is open the patrol units
 * coloured by coverage (covered green, not covered red) with a legend. Track files dropped on the map come here
 * (the import feature's file claims).
 */
import { useEffect, useMemo } from 'react';
import type { FeatureCollection } from 'geojson';
import { useI18n } from '../../i18n';
import type { MapLayerSpec } from '../../map';
import type { FeatureContribution } from '../../ui/contributions';
import { useStore } from '../../ui/store';
import { useWorkbench } from '../../ui/workbench';
import { gridState } from '../grid';
import { registerFileClaim } from '../import';
import { DatumDialog } from './components/DatumDialog';
import { DiscardDialog } from './components/DiscardDialog';
import { PatrolFormPanel } from './components/PatrolFormPanel';
import { PatrolPanel } from './components/PatrolPanel';
import { coverageFeatures, patrolUnits } from './coverage-table.logic';
import { fileNameOf, isTrackPath } from './drop.logic';
import { currentAreaIds, formState, importTrack, ledgerState } from './patrol-form-state';
import { bootPatrols, patrolState } from './patrol-state';
import './patrol.css';

export const COVERED_COLOUR = '#2f9e44';
export const OPEN_COLOUR = '#e03131';
export const ROUTE_COLOUR = '#1c7ed6';

const routeFeatures = (route: readonly (readonly (readonly [number, number, number | null])[])[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: route
    .filter((l) => l.length >= 2)
    .map((l, fid) => ({ type: 'Feature', id: fid, properties: { fid }, geometry: { type: 'LineString', coordinates: l.map((p) => [p[0], p[1]]) } })),
});

function usePatrolMapLayers(): readonly MapLayerSpec[] {
  const form = useStore(formState);
  const { selectedId } = useStore(ledgerState);
  const { patrols } = useStore(patrolState);
  const { areas } = useStore(gridState);
  return useMemo((): MapLayerSpec[] => {
    const units = patrolUnits(areas);
    const ticked = new Set(form ? currentAreaIds(form) : []);
    const cov = coverageFeatures(form ? units : [], ticked);
    const selected = selectedId ? patrols.find((p) => p.id === selectedId) : undefined;
    const route = form ? form.draft.route : (selected?.route ?? []);
    return [
      {
        type: 'geojson',
        id: 'patrol-open',
        data: cov.open,
        paint: { fill: { color: OPEN_COLOUR, opacity: 0.35 }, line: { color: OPEN_COLOUR, widthPx: 2 } },
        visible: form !== null,
      },
      {
        type: 'geojson',
        id: 'patrol-covered',
        data: cov.covered,
        paint: { fill: { color: COVERED_COLOUR, opacity: 0.4 }, line: { color: COVERED_COLOUR, widthPx: 2 } },
        visible: form !== null,
      },
      {
        type: 'geojson',
        id: 'patrol-route',
        data: routeFeatures(route),
        paint: { line: { color: ROUTE_COLOUR, widthPx: 3 } },
        visible: route.length > 0,
      },
    ];
  }, [form, selectedId, patrols, areas]);
}

/** The map's legend while the form is open. */
function CoverageLegend() {
  const { t } = useI18n();
  const form = useStore(formState);
  if (!form) return null;
  return (
    <div className="map-card patrol-legend" data-testid="patrol-legend" role="note">
      <strong>{t('patrol.legend.title')}</strong>
      <div>
        <span className="patrol-swatch" style={{ background: COVERED_COLOUR }} /> {t('patrol.legend.covered')}
      </div>
      <div>
        <span className="patrol-swatch" style={{ background: OPEN_COLOUR }} /> {t('patrol.legend.open')}
      </div>
      <div>
        <span className="patrol-swatch line" style={{ background: ROUTE_COLOUR }} /> {t('patrol.legend.route')}
      </div>
    </div>
  );
}

/** Takes track files dropped on the map (or picked with 导入图层) from the import feature. */
function PatrolHost() {
  const { t, lang } = useI18n();
  const wb = useWorkbench();
  useEffect(
    () =>
      registerFileClaim({
        id: 'patrol.track',
        claims: isTrackPath,
        take: (files) => {
          const [first, ...others] = files;
          if (!first) return;
          wb.showPanel('patrol');
          if (others.length > 0) wb.notices.push('warning', t('patrol.import.onlyFirst', { file: fileNameOf(first.path), others: others.length }));
          const data = first.data instanceof Blob ? first.data : new Blob([first.data as Uint8Array<ArrayBuffer>]);
          void importTrack({ name: fileNameOf(first.path), data }, { wb, t, lang });
        },
      }),
    [wb, t, lang],
  );
  return (
    <>
      <DatumDialog />
      <DiscardDialog />
    </>
  );
}

export const patrolFeature: FeatureContribution = {
  id: 'patrol',
  boot: bootPatrols,
  panels: [
    { id: 'patrol', titleKey: 'patrol.tab', dock: 'left', order: 3, component: PatrolPanel },
    { id: 'patrol-form', titleKey: 'patrol.form.tab', dock: 'right', order: 1, component: PatrolFormPanel },
  ],
  hosts: [
    { slot: 'app', component: PatrolHost },
    { slot: 'map', component: CoverageLegend },
  ],
  useMapLayers: usePatrolMapLayers,
};
