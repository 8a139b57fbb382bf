/**
 * What the dialog reads at its start: the office's template (its sheet settings), the imagery it can draw, and the
 * open record's `save` (the evidence section registers it while mounted, so 重新套合 stores its result the way the
 * record's own sections do: one history entry, an amendment with a reason for a submitted record).
 */
import type { SheetSettings } from '../../../shared/domain/evidence/inputs';
import type { Inspection, InspectionPatch } from '../../../shared/domain/inspection/inspection-record';
import { getEvidenceTemplate } from '../../db';
import { createStore } from '../../ui/store';
import { geotiffLayers } from '../geotiff';
import { printImageryLayers } from '../imagery';
import { restoreSheetSettings } from './evidence.logic';
import type { ImageryChoice } from './export-pipeline';

export const recordSave = createStore<{ recordId: string; save: (patch: InspectionPatch, what: string) => Promise<Inspection | null> } | null>(null);

/** The office's template's settings, else the defaults (a template that cannot be read gives the defaults too). */
export async function loadTemplateSettings(): Promise<SheetSettings> {
  try {
    return restoreSheetSettings(await getEvidenceTemplate());
  } catch {
    return restoreSheetSettings(undefined);
  }
}

/** The imagery the sheet can draw: visible tile layers top first, then visible GeoTIFFs. */
export function imageryChoices(): ImageryChoice[] {
  return [
    ...printImageryLayers(),
    ...geotiffLayers
      .get()
      .filter((g) => g.visible)
      .map((g): ImageryChoice => ({ id: `geotiff:${g.id}`, name: g.name, source: { kind: 'geotiff', layerId: g.id } })),
  ];
}
