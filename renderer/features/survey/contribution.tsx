/**
 * 界址点 (issue 11 item 3): the inspection record's 界址点 section (order 20), the survey file import into the open
 * record (文件 › 导入界址点…, and the section's button) and a new record started from a survey file (文件 ›
 * 从界址点文件新建核查…), the export as CASS .dat and 报盘, and the open record's points and boundary on the map.
 * The readers are shared/formats/survey (the CLI's `landpatrol survey`), run in the survey worker.
 */
import { useMemo } from 'react';
import { useI18n } from '../../i18n';
import type { MapLayerSpec } from '../../map';
import type { FeatureContribution } from '../../ui/contributions';
import { defineIcon } from '../../ui/Icon';
import { useStore } from '../../ui/store';
import { openInspectionState, registerInspectionSection } from '../inspection';
import './survey.css';
import { SurveyImportHost } from './components/SurveyImportHost';
import { SurveySection } from './components/SurveySection';
import { pickers, SECTION_KEY } from './survey-session';
import { recordPlot, surveyMapFeatures } from './survey.logic';

/** A boundary with its corner points (界址点), on the 16 × 16 icon grid. */
const POINTS = defineIcon('M3 4 L12 3 L13 12 L4 13 Z M3 4 h0.01 M12 3 h0.01 M13 12 h0.01 M4 13 h0.01');

registerInspectionSection({ id: 'survey', order: 20, titleKey: 'survey.title', component: SurveySection, testId: 'survey-section-panel' });

export const SURVEY_POINTS_LAYER = 'survey-points';
export const SURVEY_BOUNDARY_LAYER = 'survey-boundary';

/** The open record's points (labelled J1…Jn) and its boundary as a red line, over the other layers. */
function useSurveyMapLayers(): readonly MapLayerSpec[] {
  const { t } = useI18n();
  const open = useStore(openInspectionState);
  const record = open?.record ?? null;
  const f = useMemo(
    () =>
      surveyMapFeatures(
        record && record.surveyPoints.length > 0 ? recordPlot(record.surveyPoints, record.zone, record.number || t('survey.title')) : null,
      ),
    [record, t],
  );
  return useMemo((): readonly MapLayerSpec[] => {
    const visible = f.points.features.length > 0;
    return [
      { type: 'geojson', id: SURVEY_BOUNDARY_LAYER, data: f.boundary, visible, paint: { line: { color: '#e00000', widthPx: 2 } } },
      {
        type: 'geojson',
        id: SURVEY_POINTS_LAYER,
        data: f.points,
        visible,
        paint: { circle: { color: '#ffffff', radiusPx: 4, strokeColor: '#e00000', strokeWidthPx: 2 } },
        label: {
          field: 'name',
          sizePx: 12,
          color: '#b00000',
          haloColor: '#fff',
          haloWidthPx: 1.5,
          allowOverlap: true,
          anchor: 'bottom-left',
          offsetEm: [0.4, -0.2],
        },
      },
    ];
  }, [f]);
}

export const surveyFeature: FeatureContribution = {
  id: 'survey',
  commands: [
    {
      id: 'survey.import',
      labelKey: 'survey.command.import',
      menuLabelKey: 'survey.command.importMenu',
      icon: POINTS,
      menu: { menu: 'file', group: 3, order: 0 },
      testId: 'survey-import-command',
      when: (keys) => keys[SECTION_KEY] === true,
      perform: () => pickers.open?.(),
    },
    {
      id: 'survey.newRecord',
      labelKey: 'survey.command.new',
      menuLabelKey: 'survey.command.newMenu',
      icon: POINTS,
      menu: { menu: 'file', group: 3, order: 1 },
      toolbar: { group: 5, order: 0 },
      testId: 'survey-new-command',
      perform: () => pickers.new?.(),
    },
  ],
  hosts: [{ slot: 'app', component: SurveyImportHost }],
  useMapLayers: useSurveyMapLayers,
};
