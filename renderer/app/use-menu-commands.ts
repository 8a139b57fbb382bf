import { useEffect, useRef } from 'react';
import { MAIN_API_GLOBAL, MENU_COMMANDS, type MenuCommand, type RendererEvents } from '../../shared/ipc/contract';

/** Electron's application menu (导入图层, 切换语言 …) reaches the renderer as typed commands; absent in a browser. */
export function useMenuCommands(handlers: Partial<Record<MenuCommand, () => void>>): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const api = (window as unknown as Record<string, Partial<RendererEvents> | undefined>)[MAIN_API_GLOBAL];
    if (typeof api?.onMenuCommand !== 'function') return;
    return api.onMenuCommand((command) => {
      if (command in MENU_COMMANDS) ref.current[command]?.();
    });
  }, []);
}
