/**
 * The shell's own services, shared by every feature (VS Code's workbench services): the selection, the context
 * keys, the dock, the map, the notices and the command runner. The shell (renderer/app) creates one Workbench and
 * provides it; features reach it with `useWorkbench()` in components and through `ctx.workbench` in commands.
 */
import { createContext, useContext } from 'react';
import type { MessageKey } from '../i18n';
import type { FeatureHit, MapHandle } from '../map';
import type { BootData, CommandContext, ContextKeys, LayerAction } from './contributions';
import type { Store } from './store';
import type { NoticeService } from './use-notices';

export interface MapAccess {
  /** The map once it has loaded, else null. */
  current(): MapHandle | null;
  /** Runs `fn` now if the map is ready, else once it is (only the last waiting call runs: a later fit wins). */
  whenReady(fn: (map: MapHandle) => void): void;
}

export interface DockState {
  left: string | null;
  right: string | null;
}

export interface Workbench {
  /** The feature picked on the map or in a table; identify shows it, the map highlights it. */
  selection: Store<FeatureHit | null>;
  keys: Store<ContextKeys>;
  setKey(name: string, value: ContextKeys[string]): void;
  dock: Store<DockState>;
  showPanel(id: string): void;
  map: MapAccess;
  notices: NoticeService;
  /** Runs a registered command by id (menu, shortcut, another feature); unknown or disabled ids do nothing. */
  run(commandId: string): void;
  /**
   * Runs an action (a layer action, a context-menu item) as a command is run: synchronously, so a browser still
   * sees the user's gesture, and a failure is a notice naming the action, never thrown into the event handler.
   */
  attempt(labelKey: MessageKey, fn: () => void | Promise<void>): void;
  layerActions: readonly LayerAction[];
  /** What a command's perform receives, in the current language. */
  context(): CommandContext;
  boot: BootData;
}

export const WorkbenchContext = createContext<Workbench | null>(null);

export function useWorkbench(): Workbench {
  const wb = useContext(WorkbenchContext);
  if (!wb) throw new Error('useWorkbench outside the workbench');
  return wb;
}
