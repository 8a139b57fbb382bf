/**
 * What the 属性 panel offers for the identified feature besides its attributes: actions other features register
 * from their own module (importing this feature's index.ts), like patrol's finding actions:
 *
 * ```ts
 * import { registerIdentifyAction } from '../identify';
 * registerIdentifyAction({ id: 'inspection.start', labelKey: 'inspection.start.here', when: (f) => f.layer.kind === 'changePatch',
 *   perform: (f, ctx) => startFromPatch(f.layer.id, f.fid, ctx) });
 * ```
 */
import type { AttributeValue } from '../../../shared/formats/types';
import type { LayerRecord } from '../../db';
import type { MessageKey } from '../../i18n';
import type { CommandContext } from '../../ui/contributions';
import { createStore } from '../../ui/store';

/** The identified feature as the panel shows it. */
export interface IdentifiedFeature {
  layer: LayerRecord;
  fid: number;
  fields: readonly string[];
  values: readonly AttributeValue[];
}

export interface IdentifyAction {
  /** `<feature>.<verb>`. */
  id: string;
  labelKey: MessageKey;
  order: number;
  testId?: string;
  /** Offered only when this holds (a layer's kind). */
  when?: (f: IdentifiedFeature) => boolean;
  perform(f: IdentifiedFeature, ctx: CommandContext): void | Promise<void>;
}

/** The registered actions (a store: the panel updates when a feature registers late). */
export const identifyActions = createStore<readonly IdentifyAction[]>([]);

/** Registers an action; the returned function removes it. An id registered again replaces the earlier one. */
export function registerIdentifyAction(action: IdentifyAction): () => void {
  identifyActions.set((list) => [...list.filter((a) => a.id !== action.id), action].sort((a, b) => a.order - b.order));
  return () => identifyActions.set((list) => list.filter((a) => a !== action));
}
