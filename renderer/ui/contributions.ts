/**
 * What a feature contributes to the shell (VS Code's contribution points; Excalidraw's actions): commands, dock
 * panels, always-mounted hosts (dialogs, progress cards, floating cards), map layers, map event listeners and
 * per-layer actions. A feature exports one `FeatureContribution` from its index.ts; renderer/app lists the features
 * and composes them, without knowing their insides. The toolbar, the Electron menu and the keyboard shortcuts are
 * all generated from the commands (renderer/app/registry.logic.ts).
 */
import type { LayerKind } from '../../shared/domain/layers/kind';
import type { ComponentType, ReactNode } from 'react';
import type { Lang, MessageKey, Translate } from '../i18n';
import type { FeatureHit, MapLayerSpec } from '../map';
import type { IconName } from './Icon';
import type { Workbench } from './workbench';

/** The application menus, in the order they appear. */
export const MENU_IDS = ['file', 'view', 'tools', 'help'] as const;
export type MenuId = (typeof MENU_IDS)[number];

/**
 * Named facts the features publish and commands' `when` reads (VS Code's context keys): 'import.running',
 * 'map.tool' (the active tool's id) … Values are small scalars so a change is cheap to compare.
 */
export type ContextKeys = Readonly<Record<string, string | number | boolean | null>>;

export interface CommandContext {
  t: Translate;
  lang: Lang;
  setLang(lang: Lang): void;
  workbench: Workbench;
}

export interface Command {
  /** `<feature>.<verb>`, e.g. 'import.files'. The Electron menu sends this id back over one IPC message. */
  id: string;
  labelKey: MessageKey;
  /** The menu's wording when it differs from the button's ("导入图层…": a menu item that opens a dialog ends in "…"). */
  menuLabelKey?: MessageKey;
  icon?: IconName;
  /** Electron accelerator syntax ('CmdOrCtrl+O', 'M', 'Escape'); the same text drives the browser's shortcut. */
  shortcut?: string;
  menu?: { menu: MenuId; group: number; order: number };
  toolbar?: { group: number; order: number; primary?: boolean };
  /** Where the command exists at all: a browser-only file input, an Electron-only native dialog. */
  platform?: 'browser' | 'electron';
  /** Enabled only when this holds for the current context keys (absent: always). */
  when?: (keys: ContextKeys) => boolean;
  /** A stable hook for tests and for the user's muscle memory (kept from before the registry). */
  testId?: string;
  /** Shown pressed while true (a tool that is on). */
  checked?: (keys: ContextKeys) => boolean;
  perform(ctx: CommandContext): void | Promise<void>;
}

export interface PanelContribution {
  id: string;
  titleKey: MessageKey;
  /** The left dock holds the tabbed panels (图层, 图例, later 网格, 巡查, 核查, 证据); the right one the inspector. */
  dock: 'left' | 'right';
  order: number;
  component: ComponentType;
  testId?: string;
}

/** An action on one layer row (the layer list's buttons and context menu). */
export interface LayerAction {
  id: string;
  labelKey: MessageKey;
  icon: IconName;
  order: number;
  testId?: string;
  /** Offered only on the layers this holds for (e.g. 卫片图斑 layers); absent: on every layer. */
  when?: (layer: { id: string; kind: LayerKind }) => boolean;
  perform(ctx: CommandContext, layerId: string): void;
}

export interface HostContribution {
  /** 'map': over the map (cards, tables); 'app': over everything (dialogs); 'status': the status bar. */
  slot: 'map' | 'app' | 'status';
  component: ComponentType;
}

/** Where the user right-clicked the map. */
export interface MapContextTarget {
  lngLat: [number, number];
  /** The feature under the pointer, if any. */
  hit: FeatureHit | null;
}

/** An item of the map's right-click menu. */
export interface MapContextAction {
  id: string;
  labelKey: MessageKey;
  order: number;
  testId?: string;
  /** Offered only when this holds (e.g. a feature is under the pointer). */
  when?: (target: MapContextTarget) => boolean;
  perform(ctx: CommandContext, target: MapContextTarget): void | Promise<void>;
}

/** Map events a feature listens to (never the click: that is the selection service's, or the active tool's). */
export interface MapListeners {
  onPointer?(lngLat: [number, number] | null): void;
  onCamera?(camera: { zoom: number; lat: number }): void;
}

/** What the app knew before the workspace mounted (read from IndexedDB at boot). */
export interface BootData {
  savedView: { center: [number, number]; zoom: number; bearing: number } | null;
}

export interface FeatureContribution {
  id: string;
  /** Read before the workspace mounts (the app waits for every feature's boot), e.g. the stored layers. */
  boot?: () => Promise<void>;
  commands?: readonly Command[];
  panels?: readonly PanelContribution[];
  hosts?: readonly HostContribution[];
  layerActions?: readonly LayerAction[];
  /** Items of the map's right-click menu. */
  mapContextMenu?: readonly MapContextAction[];
  mapListeners?: MapListeners;
  /** Wraps the workspace: a feature whose state others read through its index.ts (the layer list) provides it here. */
  Provider?: ComponentType<{ children: ReactNode }>;
  /** Wraps the map area (a drop target for files). */
  MapWrapper?: ComponentType<{ children: ReactNode }>;
  /**
   * The layers this feature draws, bottom → top; the shell stacks the features' lists in registration order.
   * null: not known yet (the map waits, so that stored layers are in its first style and drawn in its first frame).
   * A hook: it is called once per render for every feature, always in the same order.
   */
  useMapLayers?: () => readonly MapLayerSpec[] | null;
}
