/**
 * The one registry the shell builds from the features' contributions: the toolbar, the Electron menu and the
 * keyboard shortcuts are all read from it, so a command is declared once, in its feature. Pure (no React), so
 * its rules are unit-tested: ids are unique, a shortcut belongs to one command, groups and orders are stable.
 */
import type {
  Command,
  ContextKeys,
  FeatureContribution,
  HostContribution,
  LayerAction,
  MapContextAction,
  MenuId,
  PanelContribution,
} from '../ui/contributions';
import { MENU_IDS } from '../ui/contributions';
import { normalizeShortcut } from './shortcuts.logic';

export type Platform = 'browser' | 'electron';

export interface Registry {
  features: readonly FeatureContribution[];
  commands: ReadonlyMap<string, Command>;
  /** Toolbar groups in order, each a list of commands in order. */
  toolbar: readonly (readonly Command[])[];
  /** Per menu, its groups in order (a separator between groups). */
  menus: Readonly<Record<MenuId, readonly (readonly Command[])[]>>;
  /** Normalized chord ('ctrl+o', 'm') → command id. */
  shortcuts: ReadonlyMap<string, string>;
  panels: { left: readonly PanelContribution[]; right: readonly PanelContribution[] };
  hosts: Readonly<Record<HostContribution['slot'], readonly HostContribution[]>>;
  layerActions: readonly LayerAction[];
  mapContextMenu: readonly MapContextAction[];
}

export class RegistryError extends Error {}

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;

function groupsOf(entries: { group: number; order: number; command: Command }[]): Command[][] {
  const groups = new Map<number, { order: number; command: Command }[]>();
  for (const e of entries) {
    const g = groups.get(e.group) ?? [];
    g.push(e);
    groups.set(e.group, g);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, g]) => g.sort(byOrder).map((e) => e.command));
}

/**
 * Builds the registry for one platform (a browser-only command is absent in Electron and the other way round).
 * Throws RegistryError on a programming mistake (two commands with one id or one shortcut): the app would
 * otherwise run whichever registered last.
 */
export function buildRegistry(features: readonly FeatureContribution[], platform: Platform, isMac = false): Registry {
  const seenFeatures = new Set<string>();
  const commands = new Map<string, Command>();
  const shortcuts = new Map<string, string>();
  const toolbar: { group: number; order: number; command: Command }[] = [];
  const menus = Object.fromEntries(MENU_IDS.map((m) => [m, [] as { group: number; order: number; command: Command }[]])) as Record<
    MenuId,
    { group: number; order: number; command: Command }[]
  >;
  const panels: PanelContribution[] = [];
  const panelIds = new Set<string>();
  const hosts: Record<HostContribution['slot'], HostContribution[]> = { map: [], app: [], status: [] };
  const layerActions: LayerAction[] = [];
  const actionIds = new Set<string>();
  const mapContextMenu: MapContextAction[] = [];

  for (const f of features) {
    if (seenFeatures.has(f.id)) throw new RegistryError(`feature "${f.id}" is registered twice`);
    seenFeatures.add(f.id);
    for (const c of f.commands ?? []) {
      if (c.platform && c.platform !== platform) continue;
      if (commands.has(c.id)) throw new RegistryError(`command "${c.id}" is declared twice`);
      commands.set(c.id, c);
      if (c.shortcut) {
        const chord = normalizeShortcut(c.shortcut, isMac);
        const owner = shortcuts.get(chord);
        if (owner) throw new RegistryError(`shortcut ${c.shortcut} belongs to "${owner}" and "${c.id}"`);
        shortcuts.set(chord, c.id);
      }
      if (c.toolbar) toolbar.push({ ...c.toolbar, command: c });
      if (c.menu) menus[c.menu.menu].push({ group: c.menu.group, order: c.menu.order, command: c });
    }
    for (const p of f.panels ?? []) {
      if (panelIds.has(p.id)) throw new RegistryError(`panel "${p.id}" is declared twice`);
      panelIds.add(p.id);
      panels.push(p);
    }
    for (const h of f.hosts ?? []) hosts[h.slot].push(h);
    for (const a of f.layerActions ?? []) {
      if (actionIds.has(a.id)) throw new RegistryError(`layer action "${a.id}" is declared twice`);
      actionIds.add(a.id);
      layerActions.push(a);
    }
    for (const a of f.mapContextMenu ?? []) {
      if (actionIds.has(a.id)) throw new RegistryError(`context menu item "${a.id}" is declared twice`);
      actionIds.add(a.id);
      mapContextMenu.push(a);
    }
  }
  return {
    features,
    commands,
    toolbar: groupsOf(toolbar),
    menus: Object.fromEntries(MENU_IDS.map((m) => [m, groupsOf(menus[m])])) as Record<MenuId, Command[][]>,
    shortcuts,
    panels: { left: panels.filter((p) => p.dock === 'left').sort(byOrder), right: panels.filter((p) => p.dock === 'right').sort(byOrder) },
    hosts,
    layerActions: layerActions.sort(byOrder),
    mapContextMenu: mapContextMenu.sort(byOrder),
  };
}

export const isEnabled = (c: Command, keys: ContextKeys): boolean => !c.when || c.when(keys);
