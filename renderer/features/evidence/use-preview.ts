/**
 * The dialog's live preview: the record's sheets made again (debounced) whenever a setting changes, with the imagery
 * at a quarter of 300 dpi. The previous sheets' object URLs are revoked when new ones replace them.
 */
import { useEffect, useRef, useState } from 'react';
import type { Inspection } from '../../../shared/domain/inspection/inspection-record';
import { errorText, isCancelled } from '../../platform/coded-error';
import type { ExportRefusal } from './evidence.logic';
import { prepareSheets, type PreparedSheets, type SheetInputs } from './export-pipeline';

export type Preview =
  | { state: 'loading' }
  | { state: 'ready'; prepared: PreparedSheets }
  | { state: 'refused'; refusal: ExportRefusal }
  | { state: 'failed'; text: string };

export function usePreview(record: Inspection | null, inputs: Omit<SheetInputs, 'preview' | 'signal' | 'onStep'>, paused: boolean): Preview {
  const [preview, setPreview] = useState<Preview>({ state: 'loading' });
  const { settings, template, layers, roles, imagery, t } = inputs;
  // The sheets shown: their URLs are revoked when the next ones replace them, or when the dialog closes.
  const shown = useRef<PreparedSheets | null>(null);
  const show = (next: Preview) => {
    const old = shown.current;
    shown.current = next.state === 'ready' ? next.prepared : null;
    if (old && old !== shown.current) old.dispose();
    setPreview(next);
  };
  useEffect(() => () => shown.current?.dispose(), []);
  useEffect(() => {
    if (!record || paused) return;
    const ac = new AbortController();
    setPreview((p) => (p.state === 'ready' ? p : { state: 'loading' }));
    const timer = setTimeout(() => {
      prepareSheets(record, { settings, template, layers, roles, imagery, t, preview: true, signal: ac.signal }).then(
        (r) => {
          if (ac.signal.aborted) {
            if (r.ok) r.prepared.dispose();
            return;
          }
          show(r.ok ? { state: 'ready', prepared: r.prepared } : { state: 'refused', refusal: r.refusal });
        },
        (e: unknown) => {
          if (!ac.signal.aborted && !isCancelled(e)) show({ state: 'failed', text: errorText(e, t) });
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      ac.abort();
    };
  }, [record, settings, template, layers, roles, imagery, t, paused]);
  return preview;
}
