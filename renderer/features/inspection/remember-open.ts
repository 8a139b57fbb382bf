/**
 * The open record is remembered across restarts (settings 'inspection.open'): back at the office, the app opens the
 * record the officer had open in the field, as she left it.
 */
import { getSetting, putSetting } from '../../db';
import { openInspection, openInspectionState } from './inspection-session';

export const OPEN_KEY = 'inspection.open';

export async function rememberOpenRecord(): Promise<void> {
  const id = await getSetting(OPEN_KEY).catch(() => undefined);
  let last: string | null = typeof id === 'string' ? id : null;
  openInspectionState.subscribe(() => {
    const now = openInspectionState.get()?.id ?? null;
    if (now === last) return;
    last = now;
    putSetting(OPEN_KEY, now).catch((e: unknown) => console.warn('inspection: the open record was not remembered', e));
  });
  if (typeof id === 'string') void openInspection(id);
}
