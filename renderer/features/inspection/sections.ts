/**
 * The inspection record's sections (issue 11): the record panel (核查记录) shows its own form and, below it, one
 * section per registered contribution — the comparison (套合), the survey points (界址点), the photos (照片) — in
 * `order`. A feature registers its section from its own module, importing this feature's index.ts:
 *
 * ```ts
 * import { registerInspectionSection } from '../inspection';
 * registerInspectionSection({ id: 'comparison', order: 10, titleKey: 'comparison.section', component: ComparisonSection });
 * ```
 *
 * A section reads the open record from its props and writes through `save`, never to the database itself: so every
 * change, whichever section made it, is one history entry of the one record (a draft's save, or for a submitted
 * record an amendment whose reason the panel asks for).
 */
import type { ComponentType } from 'react';
import type { MessageKey } from '../../i18n';
import type { Inspection, InspectionPatch } from '../../../shared/domain/inspection/inspection-record';
import { createStore } from '../../ui/store';

export interface InspectionSectionProps {
  /** The record as stored after its last save. */
  record: Inspection;
  /** Submitted: a change is an amendment (save asks for its reason). */
  readOnly: boolean;
  /**
   * Saves a patch of the record's content: a draft's save, or for a submitted record an amendment (the panel asks
   * the reason; `what` names the change in that dialog, e.g. '导入界址点'). Resolves to the stored record, or null when
   * nothing was saved (refused, cancelled or failed: the panel has said why; the section keeps its own state).
   */
  save(patch: InspectionPatch, what: string): Promise<Inspection | null>;
}

export interface InspectionSection {
  /** `<feature>`, e.g. 'comparison'. */
  id: string;
  /** Sections stack by order: comparison 10, survey 20, photos 30. */
  order: number;
  titleKey: MessageKey;
  component: ComponentType<InspectionSectionProps>;
  testId?: string;
}

/** The registered sections (a store: the panel updates when a feature registers late). */
export const inspectionSections = createStore<readonly InspectionSection[]>([]);

/** Registers a section; the returned function removes it. An id registered again replaces the earlier one. */
export function registerInspectionSection(section: InspectionSection): () => void {
  inspectionSections.set((list) => [...list.filter((s) => s.id !== section.id), section].sort((a, b) => a.order - b.order));
  return () => inspectionSections.set((list) => list.filter((s) => s !== section));
}
