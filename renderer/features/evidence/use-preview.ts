/**
 * The dialog's live preview: the sheets made again (debounced) whenever a setting changes, with the imagery at a
 * quarter of 300 dpi — a record's (usePreview) or a bare map view's (useViewPreview, 打印地图). The previous sheets'
 * object URLs are revoked when new ones replace them.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MapViewTarget } from '../../../shared/domain/evidence/map-sheet';
import type { Inspection } from '../../../shared/domain/inspection/inspection-record';
import { errorText, isCancelled } from '../../platform/coded-error';
import type { Translate } from '../../i18n';
import type { ExportRefusal } from './evidence.logic';
import { prepareSheets, type Prepared, type PreparedSheets, type SheetInputs } from './export-pipeline';
import { prepareViewSheets, type ViewSheetInputs } from './view-pipeline';

export type Preview =
  | { state: 'loading' }
  | { state: 'ready'; prepared: PreparedSheets }
  | { state: 'refused'; refusal: ExportRefusal }
  | { state: 'failed'; text: string };

/** Runs `make` (a new function whenever what it reads changes) after 250 ms of quiet; null: nothing to show yet. */
function usePrepared(make: ((signal: AbortSignal) => Promise<Prepared>) | null, t: Translate, paused: boolean): Preview {
  const [preview, setPreview] = useState<Preview>({ state: 'loading' });
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
    if (!make || paused) return;
    const ac = new AbortController();
    setPreview((p) => (p.state === 'ready' ? p : { state: 'loading' }));
    const timer = setTimeout(() => {
      make(ac.signal).then(
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
  }, [make, t, paused]);
  return preview;
}

export function usePreview(record: Inspection | null, inputs: Omit<SheetInputs, 'preview' | 'signal' | 'onStep'>, paused: boolean): Preview {
  const { settings, template, layers, roles, imagery, t } = inputs;
  const make = useCallback(
    (signal: AbortSignal) => prepareSheets(record!, { settings, template, layers, roles, imagery, t, preview: true, signal }),
    [record, settings, template, layers, roles, imagery, t],
  );
  return usePrepared(record ? make : null, t, paused);
}

/** 打印地图's preview: the view's sheet (null target: the dialog is still reading the template). */
export function useViewPreview(
  target: MapViewTarget | null,
  inputs: Omit<ViewSheetInputs, 'preview' | 'signal' | 'onStep'>,
  paused: boolean,
): Preview {
  const { settings, template, layers, imagery, t } = inputs;
  const make = useCallback(
    (signal: AbortSignal) => prepareViewSheets(target!, { settings, template, layers, imagery, t, preview: true, signal }),
    [target, settings, template, layers, imagery, t],
  );
  return usePrepared(target ? make : null, t, paused);
}
