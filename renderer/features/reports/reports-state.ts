/**
 * The reports feature's state: the office profile (read at boot, written by its dialog and by 已报送), which dialog
 * is open, and the export worker. Other features read the user's name through index.ts (`reportsUserName`).
 */
import { editorNameOf, markSubmitted, type OfficeProfile, DEFAULT_OFFICE_PROFILE } from '../../../shared/domain/settings/office-profile';
import { getOfficeProfile, putOfficeProfile } from '../../db';
import { createWorkerClient, type RequestOptions } from '../../platform/worker-client';
import { createStore } from '../../ui/store';
import type { ReportChoice } from './reports.logic';
import type { ReportRequest, ReportRun, ReportsProtocol } from './reports.protocol';

export type ReportsDialog =
  | { kind: 'export'; initial: Partial<ReportChoice> }
  /** `back`: the dialog to return to when this one closes (the export dialog it was opened from). */
  | { kind: 'profile'; back?: ReportsDialog }
  | null;

export interface ReportsState {
  profile: OfficeProfile;
  dialog: ReportsDialog;
}

export const reportsState = createStore<ReportsState>({ profile: DEFAULT_OFFICE_PROFILE, dialog: null });

export async function loadProfile(): Promise<void> {
  const profile = await getOfficeProfile();
  reportsState.set((s) => ({ ...s, profile }));
}

/** Stores the profile (one transaction) and shows it everywhere. */
export async function saveProfile(profile: OfficeProfile): Promise<void> {
  await putOfficeProfile(profile);
  reportsState.set((s) => ({ ...s, profile }));
}

/** 已报送 (or taking it back) for a month: read, changed and stored, so a profile edited meanwhile is not lost. */
export async function setSubmitted(month: string, submitted: boolean): Promise<void> {
  const stored = await getOfficeProfile();
  await saveProfile(markSubmitted(stored, month, submitted));
}

export const openDialog = (dialog: ReportsDialog) => reportsState.set((s) => ({ ...s, dialog }));

/** The name histories give the user of this machine: the profile's, else 本机用户. */
export const reportsUserName = (): string => editorNameOf(reportsState.get().profile);

const client = createWorkerClient<ReportsProtocol>({
  spawn: () => new Worker(new URL('./reports.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-reports' }),
  lifetime: 'per-request',
});

export const buildReportInWorker = (req: ReportRequest, options: RequestOptions<ReportsProtocol['build']['progress']>): Promise<ReportRun> =>
  client.request('build', req, options);
