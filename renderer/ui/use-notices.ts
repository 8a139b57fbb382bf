import { useCallback, useState } from 'react';

export interface Notice {
  id: number;
  kind: 'error' | 'warning' | 'info';
  text: string;
}

let nextId = 1;

/** Transient messages shown over the map (errors stay until closed). */
export function useNotices() {
  const [items, setItems] = useState<Notice[]>([]);
  const dismiss = useCallback((id: number) => setItems((xs) => xs.filter((x) => x.id !== id)), []);
  const push = useCallback((kind: Notice['kind'], text: string) => {
    const id = nextId++;
    setItems((xs) => [...xs.slice(-4), { id, kind, text }]);
    if (kind === 'info') setTimeout(() => dismiss(id), 5000);
  }, [dismiss]);
  const error = useCallback((text: string) => push('error', text), [push]);
  return { items, push, error, dismiss };
}
