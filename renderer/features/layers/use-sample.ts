import { useEffect, useRef, useState } from 'react';
import { getSetting, putSetting, type LayerRecord } from '../../db';
import { runJob } from '../import';
import type { LayersApi } from './use-layers';

const SAMPLE_FLAG = 'sampleLoaded';

/**
 * First start: an empty DB gets the synthetic sample township (flagged `sample`, removable) so a new user sees a
 * working map at once. Done once: a user who deletes the samples does not get them back.
 */
export function useSampleOnFirstStart(api: LayersApi, onLoaded: (layers: LayerRecord[]) => void, onError: (message: string) => void): boolean {
  const [busy, setBusy] = useState(false);
  const started = useRef(false);
  const { loaded, layers, reload } = api;
  useEffect(() => {
    if (!loaded || started.current) return;
    started.current = true;
    if (layers.length > 0) return;
    void (async () => {
      if ((await getSetting(SAMPLE_FLAG)) === true) return;
      setBusy(true);
      try {
        await runJob({ type: 'sample' }).promise;
        await putSetting(SAMPLE_FLAG, true);
        onLoaded(await reload());
      } catch (e) {
        onError(e instanceof Error ? e.message : String(e));
      } finally {
        setBusy(false);
      }
    })();
  }, [loaded, layers, reload, onLoaded, onError]);
  return busy;
}
