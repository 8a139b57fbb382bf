import { useEffect, useRef, useState } from 'react';

export interface ContextMenuItem {
  id: string;
  label: string;
  disabled?: boolean;
  testId?: string;
  run(): void;
}

/**
 * A right-click menu at a point of the window (client coordinates, kept inside it) (role menu, keyboard: ↑ ↓ Enter, Escape closes); closes
 * on a click elsewhere, on scroll or on blur, and after an item ran.
 */
export function ContextMenu({
  x,
  y,
  items,
  onClose,
  testId,
}: {
  x: number;
  y: number;
  items: readonly ContextMenuItem[];
  onClose: () => void;
  testId?: string;
}) {
  const ref = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(() => items.findIndex((i) => !i.disabled));
  useEffect(() => {
    ref.current?.focus();
    const away = (e: Event) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', away, true);
    window.addEventListener('wheel', onClose, true);
    window.addEventListener('blur', onClose);
    return () => {
      window.removeEventListener('pointerdown', away, true);
      window.removeEventListener('wheel', onClose, true);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);
  const run = (i: ContextMenuItem) => {
    if (i.disabled) return;
    onClose();
    i.run();
  };
  const step = (dir: 1 | -1) => {
    if (items.every((i) => i.disabled)) return;
    let k = active;
    do k = (k + dir + items.length) % items.length;
    while (items[k]!.disabled);
    setActive(k);
  };
  return (
    <ul
      ref={ref}
      className="context-menu"
      role="menu"
      tabIndex={-1}
      data-testid={testId}
      style={{ left: Math.min(x, window.innerWidth - 200), top: Math.min(y, window.innerHeight - 30 * items.length - 10) }}
      onContextMenu={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        else if (e.key === 'ArrowDown') step(1);
        else if (e.key === 'ArrowUp') step(-1);
        else if (e.key === 'Enter' && items[active]) run(items[active]);
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
    >
      {items.map((i, k) => (
        <li
          key={i.id}
          role="menuitem"
          aria-disabled={i.disabled || undefined}
          className={`context-item${k === active ? ' active' : ''}${i.disabled ? ' disabled' : ''}`}
          data-testid={i.testId}
          onPointerEnter={() => !i.disabled && setActive(k)}
          onClick={() => run(i)}
        >
          {i.label}
        </li>
      ))}
    </ul>
  );
}
