/** Which of the basemaps' dialogs is open (the rows and the command open them; the feature's host draws them). */
import { createStore } from '../../ui/store';

export type BasemapsDialog = { kind: 'settings' } | { kind: 'addXyz' } | { kind: 'download' } | { kind: 'drawBox' } | null;
export const dialogState = createStore<BasemapsDialog>(null);
