/**
 * What the dialog reads at its start: the office's template (its sheet settings), the imagery it can draw, and the
 * open record's `save` (the evidence section registers it while mounted, so 重新套合 stores its result the way the
 * record's own sections do: one history entry, an amendment with a reason for a submitted record).
 */
import type { SheetSettings } from '../../../shared/domain/evidence/inputs';
import type { Inspection, InspectionPatch } from '../../../shared/domain/inspection/inspection-record';
import {
  createEvidenceTemplate,
  defaultEvidenceTemplate,
  restoreEvidenceTemplate,
  type EvidenceTemplate,
} from '../../../shared/domain/evidence/template';
import { getEvidenceTemplate, getOfficeProfile, putEvidenceTemplate } from '../../db';
import { CodedError } from '../../platform/coded-error';
import { createStore } from '../../ui/store';
import { printImageryLayers } from '../imagery';
import type { ImageryChoice } from './export-pipeline';

export const recordSave = createStore<{ recordId: string; save: (patch: InspectionPatch, what: string) => Promise<Inspection | null> } | null>(null);

/**
 * The office's template (the papers' wording and the sheet's defaults), read through its record module; one never
 * saved is the defaults with the office profile's name; one that cannot be read too (warned).
 */
export async function loadTemplate(): Promise<EvidenceTemplate> {
  const office = (await getOfficeProfile()).officeName;
  const raw = await getEvidenceTemplate();
  // Until the office saves its own, the sheet fits the plot: a fixed 1:1,000 refuses most 卫片图斑 (200–300 m) on A4.
  if (raw === undefined) {
    const d = defaultEvidenceTemplate(office);
    return { ...d, sheet: { ...d.sheet, scale: 'fit' } };
  }
  const r = restoreEvidenceTemplate(raw, office);
  if (r.ok) return r.value;
  console.warn(`landpatrol: the evidence template is unreadable (${r.reason} at ${r.path ?? '—'}): the defaults are used`);
  return defaultEvidenceTemplate(office);
}

/** 保存为本所模板: the template with these sheet settings, made by its factory and stored in one transaction. */
export async function saveTemplateSheet(template: EvidenceTemplate, sheet: SheetSettings): Promise<EvidenceTemplate> {
  const { v: _v, ...input } = template;
  const r = createEvidenceTemplate({ ...input, sheet });
  if (!r.ok) throw new CodedError('invalidRequest', { detail: `${r.reason}${r.path ? ` (${r.path})` : ''}` });
  await putEvidenceTemplate(r.value);
  return r.value;
}

/** The imagery the sheet can draw: the visible imagery layers (packages, tile folders, GeoTIFFs), top first. */
export const imageryChoices = (): ImageryChoice[] => printImageryLayers();
