/**
 * 打印地图: the sheet of a bare map view, the sibling of export-pipeline.ts prepareSheets (same steps, same helpers:
 * the layers in the frame from the evidence worker, the imagery rendered for the frame, the map sheet's layout), with
 * no record: no plot, no points, no tables, no papers. The view's zone and default scale are chosen when the dialog
 * opens (shared/domain/evidence/view-sheet.ts); the plan centres the frame on the view's centre in that zone.
 */
import type { MapViewTarget } from '../../../shared/domain/evidence/map-sheet';
import { planMapSheet } from '../../../shared/domain/evidence/map-sheet';
import { viewSheetContent } from '../../../shared/domain/evidence/view-sheet';
import type { EvidenceTemplate } from '../../../shared/domain/evidence/template';
import { frameContents, type ExportStep, type FrameInputs, type Prepared } from './export-pipeline';
import { mapSheets } from './layout';

export interface ViewSheetInputs extends FrameInputs {
  /** The office's template: 制图单位. */
  template: EvidenceTemplate;
  onStep?: (step: ExportStep) => void;
}

/** The map sheet of a view (one sheet). Nothing in the frame (no layer, no imagery) is still a sheet: a note says so. */
export async function prepareViewSheets(target: MapViewTarget, inputs: ViewSheetInputs): Promise<Prepared> {
  inputs.onStep?.('data');
  const planned = planMapSheet(inputs.settings, target);
  // a view always has a plan (it has nothing that could not fit); the branch keeps the type honest
  if (!planned.ok) return { ok: false, refusal: { reason: 'noGeometry' } };
  const plan = planned.plan;
  const { ground } = plan;
  const { layers, imagery, titleBlock, convergenceDeg, images, notes, dispose } = await frameContents(plan, inputs, null);
  const drawn = layers.filter((l) => !inputs.settings.hiddenLayerIds.includes(l.id));
  if (drawn.length === 0 && !imagery) notes.push(inputs.t('evidence.view.empty'));
  const content = viewSheetContent({ zone: ground.zone, zonePrefix: ground.zonePrefix, layers, imagery, titleBlock, convergenceDeg });
  const sheets = mapSheets(plan, content);
  return { ok: true, prepared: { sheets, images, plan, plot: content.plot, content, stored: null, notes, photos: [], dispose } };
}
