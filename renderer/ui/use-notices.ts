import { createStore, type Store } from './store';

export interface Notice {
  id: number;
  kind: 'error' | 'warning' | 'info';
  text: string;
}

/** Transient messages shown over the map: the last five; errors stay until closed, information goes after 5 s. */
export interface NoticeService {
  items: Store<readonly Notice[]>;
  push(kind: Notice['kind'], text: string): void;
  error(text: string): void;
  dismiss(id: number): void;
}

export function createNotices(infoMs = 5000): NoticeService {
  let nextId = 1;
  const items = createStore<readonly Notice[]>([]);
  const dismiss = (id: number) => items.set((xs) => xs.filter((x) => x.id !== id));
  const push = (kind: Notice['kind'], text: string) => {
    const id = nextId++;
    items.set((xs) => [...xs.slice(-4), { id, kind, text }]);
    if (kind === 'info') setTimeout(() => dismiss(id), infoMs);
  };
  return { items, push, dismiss, error: (text) => push('error', text) };
}
