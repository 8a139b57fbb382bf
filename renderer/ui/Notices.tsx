import { Icon } from './Icon';
import type { Notice } from './use-notices';

export function Notices({ items, onDismiss }: { items: readonly Notice[]; onDismiss: (id: number) => void }) {
  if (items.length === 0) return null;
  return (
    <div className="notices" data-testid="notices">
      {items.map((n) => (
        <div key={n.id} className={`notice ${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'} data-testid={`notice-${n.kind}`}>
          <span>{n.text}</span>
          <button className="icon-btn" aria-label="close" onClick={() => onDismiss(n.id)}>
            <Icon name="close" />
          </button>
        </div>
      ))}
    </div>
  );
}
