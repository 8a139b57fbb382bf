/** A failed job (import, re-decode, restyle) said in the UI language, from its code (worker-protocol.ts). */
import type { Translate } from '../../i18n/i18n.logic';
import { JobError } from './worker-protocol';

export function jobErrorText(e: unknown, t: Translate): string {
  if (e instanceof JobError && e.code === 'noSourceFiles') return t('props.noSourceFiles');
  if (e instanceof JobError && e.code === 'layerNotFound') return t('job.layerNotFound');
  return t('common.error', { message: e instanceof Error ? e.message : String(e) });
}
