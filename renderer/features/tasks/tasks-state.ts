/**
 * The tasks feature's state outside React (stores: commands, the map layers, the context menu and the panels read the
 * same): the stored patrol areas (also what compliance reads, through index.ts), the stored tasks, and what the user is
 * editing — an area draft, the day, a task draft, the sheet being printed. Writes go through the repositories (one
 * transaction each) and the lists are read again after each stored write.
 */
import type { DateKey } from '../../../shared/domain/patrol/calendar';
import { localDateOf } from '../../../shared/domain/patrol/calendar';
import type { PatrolArea } from '../../../shared/domain/patrol/patrol-area-record';
import type { PatrolTask } from '../../../shared/domain/patrol/task-record';
import { listPatrolAreas, listTasks } from '../../db';
import { createWorkerClient } from '../../platform/worker-client';
import { createStore, useStore } from '../../ui/store';
import type { AreaDraft, TaskDraft } from './tasks.logic';
import type { TasksProtocol } from './tasks.protocol';

export interface PatrolAreaState {
  /** Every stored patrol area, deleted ones included (they keep their history; lists and compliance leave them out). */
  areas: readonly PatrolArea[];
}

/** The patrol areas as stored: what the 巡查区域 list, the map and compliance read. */
export const patrolAreaState = createStore<PatrolAreaState>({ areas: [] });

const live = new WeakMap<readonly PatrolArea[], readonly PatrolArea[]>();
/** The patrol areas not deleted, the same array while the store is unchanged (a dependency that only moves on a write). */
export function useLivePatrolAreas(): readonly PatrolArea[] {
  const { areas } = useStore(patrolAreaState);
  let out = live.get(areas);
  if (!out) {
    out = areas.filter((a) => a.deletedAt === null);
    live.set(areas, out);
  }
  return out;
}

export async function reloadPatrolAreas(): Promise<void> {
  const areas = await listPatrolAreas();
  patrolAreaState.set({ areas });
}

export interface TasksUiState {
  tasks: readonly PatrolTask[];
  section: 'areas' | 'task';
  selectedAreaId: string | null;
  areaDraft: AreaDraft | null;
  /** The day the 当日任务 section shows. */
  day: DateKey;
  taskDraft: TaskDraft | null;
  /** The sheet open for printing: its task draft and the map picture (an object URL) once taken. */
  sheet: { draft: TaskDraft; mapUrl: string | null } | null;
}

export const tasksState = createStore<TasksUiState>({
  tasks: [],
  section: 'areas',
  selectedAreaId: null,
  areaDraft: null,
  day: localDateOf(Date.now()),
  taskDraft: null,
  sheet: null,
});

export async function reloadTasks(): Promise<void> {
  const tasks = await listTasks();
  tasksState.set((s) => ({ ...s, tasks }));
}

export async function bootTasks(): Promise<void> {
  await Promise.all([reloadPatrolAreas(), reloadTasks()]);
}

export const patchAreaDraft = (patch: Partial<AreaDraft>) =>
  tasksState.set((s) => (s.areaDraft ? { ...s, areaDraft: { ...s.areaDraft, ...patch } } : s));
export const patchTaskDraft = (patch: Partial<TaskDraft>) =>
  tasksState.set((s) => (s.taskDraft ? { ...s, taskDraft: { ...s.taskDraft, ...patch } } : s));

// One worker for buffers and layer reads; GEOS stays loaded between corridors.
export const tasksWorker = createWorkerClient<TasksProtocol>({
  spawn: () => new Worker(new URL('./tasks.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-tasks' }),
  lifetime: 'persistent',
  recover: 'resend',
});
