import { useEffect } from 'react';
import { electronApi } from '../platform/platform';
import type { Workbench } from '../ui/workbench';
import type { Registry } from './registry.logic';
import { chordOfEvent, isTypingTarget } from './shortcuts.logic';

/**
 * Keyboard shortcuts from the registry. In Electron a command that is in the menu is left to the menu's
 * accelerator (it would otherwise run twice); a bare key ('M') is not a shortcut while typing in a field or
 * inside a dialog.
 */
export function useShortcuts(registry: Registry, wb: Workbench): void {
  useEffect(() => {
    const inElectron = electronApi() !== null;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const chord = chordOfEvent(e);
      const id = chord ? registry.shortcuts.get(chord) : undefined;
      const command = id ? registry.commands.get(id) : undefined;
      if (!command) return;
      if (inElectron && command.menu) return;
      const bare = !e.ctrlKey && !e.metaKey && !e.altKey;
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (bare && (isTypingTarget(target) || target?.closest('[role="dialog"]'))) return;
      e.preventDefault();
      wb.run(command.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [registry, wb]);
}
