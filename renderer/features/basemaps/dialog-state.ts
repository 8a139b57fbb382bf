/** Which of the basemaps' dialogs is open (the panel opens them; the feature's host draws them). */
import { createStore } from '../../ui/store';

export type BasemapsDialog = { kind: 'addXyz' } | { kind: 'download' } | null;
export const dialogState = createStore<BasemapsDialog>(null);
