/** The shell's implementation of the workbench services (renderer/ui/workbench.tsx declares them). */
import type { FeatureHit, MapHandle } from '../map';
import { errorReason } from '../platform/coded-error';
import type { BootData, CommandContext, ContextKeys } from '../ui/contributions';
import { createStore } from '../ui/store';
import { createNotices } from '../ui/use-notices';
import type { DockState, Workbench } from '../ui/workbench';
import { isEnabled, type Registry } from './registry.logic';

export interface ShellWorkbench extends Workbench {
  /** The map view calls this once its map has loaded (and with null when it goes). */
  attachMap(map: MapHandle | null): void;
  /** The shell keeps the command context current (language). */
  setContext(ctx: Omit<CommandContext, 'workbench'>): void;
}

export function createWorkbench(registry: Registry, boot: BootData): ShellWorkbench {
  let map: MapHandle | null = null;
  let waiting: ((m: MapHandle) => void) | null = null;
  let ctx: Omit<CommandContext, 'workbench'> | null = null;
  const keys = createStore<ContextKeys>({});
  const dock = createStore<DockState>({ left: registry.panels.left[0]?.id ?? null, right: registry.panels.right[0]?.id ?? null });
  const notices = createNotices();
  const wb: ShellWorkbench = {
    selection: createStore<FeatureHit | null>(null),
    keys,
    setKey: (name, value) => keys.set((k) => (k[name] === value ? k : { ...k, [name]: value })),
    dock,
    showPanel(id) {
      const side = registry.panels.left.some((p) => p.id === id) ? 'left' : registry.panels.right.some((p) => p.id === id) ? 'right' : null;
      if (side) dock.set((d) => ({ ...d, [side]: id }));
    },
    map: {
      current: () => map,
      whenReady(fn) {
        if (map) fn(map);
        else waiting = fn;
      },
    },
    notices,
    layerActions: registry.layerActions,
    boot,
    context() {
      if (!ctx) throw new Error('the workbench is used before the shell set its context');
      return { ...ctx, workbench: wb };
    },
    run(id) {
      const c = registry.commands.get(id);
      if (!c || !isEnabled(c, keys.get())) return;
      wb.attempt(c.labelKey, () => c.perform(wb.context()));
    },
    attempt(labelKey, fn) {
      const { t } = wb.context();
      // A failure is shown, never thrown into the event handler that ran it. fn runs synchronously: a browser opens
      // a file picker or writes the clipboard only inside the user's click or key press.
      const report = (e: unknown) => notices.error(t('command.failed', { command: t(labelKey), message: errorReason(e, t) }));
      try {
        void Promise.resolve(fn()).catch(report);
      } catch (e) {
        report(e);
      }
    },
    attachMap(m) {
      map = m;
      if (m && waiting) {
        const fn = waiting;
        waiting = null;
        fn(m);
      }
    },
    setContext(next) {
      ctx = next;
    },
  };
  return wb;
}
