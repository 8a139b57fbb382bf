import { useEffect, useRef, useState } from 'react';
import { getSetting, putSetting, type LayerRecord } from '../../db';
import { useI18n } from '../../i18n';
import { errorReason } from '../../platform/coded-error';
import { storeSampleTownship } from './layer-jobs-client';
import type { LayersApi } from './use-layers';

const SAMPLE_FLAG = 'sampleLoaded';

/**
 * First start: an empty DB gets the synthetic sample township (flagged `sample`, removable) so a new user sees a
 * working map at once. Done once: a user who deletes the samples does not get them back. `onError` gets the
 * reason in the UI language (for 示例数据载入失败：{message}).
 */
export function useSampleOnFirstStart(api: LayersApi, onLoaded: (layers: LayerRecord[]) => void, onError: (message: string) => void): boolean {
  const { t } = useI18n();
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
        await storeSampleTownship();
        await putSetting(SAMPLE_FLAG, true);
        onLoaded(await reload());
      } catch (e) {
        onError(errorReason(e, t));
      } finally {
        setBusy(false);
      }
    })();
  }, [loaded, layers, reload, onLoaded, onError, t]);
  return busy;
}
