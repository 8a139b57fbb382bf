/** The status bar (pointer lon/lat and GK X/Y in the data's zone, scale, zoom) and 复制坐标 on the map's right-click menu. */
import { useEffect, useMemo } from 'react';
import type { GkZoneRef } from '../../../shared/domain/units/area';
import { copyText } from '../../platform/platform';
import type { FeatureContribution } from '../../ui/contributions';
import { topProjectedZone, useLayerList } from '../layers';
import { LiveStatusBar } from './components/LiveStatusBar';
import { coordinateTexts } from './statusbar.logic';
import { createStatusSource } from './use-statusbar';

/** One source for the app's lifetime: the map pushes pointer and camera into it, only the status bar reads it. */
const source = createStatusSource();
/** The zone X/Y are given in, as the status bar shows it (the copy must say what the bar says). */
let dataZone: GkZoneRef | null = null;

function StatusBarHost() {
  const { layers } = useLayerList();
  const zone = useMemo(() => topProjectedZone(layers), [layers]);
  useEffect(() => {
    dataZone = zone;
  }, [zone]);
  return <LiveStatusBar source={source} dataZone={zone} />;
}

export const statusbarFeature: FeatureContribution = {
  id: 'statusbar',
  hosts: [{ slot: 'status', component: StatusBarHost }],
  mapListeners: { onPointer: (p) => source.onPointer(p), onCamera: (c) => source.onCamera(c) },
  mapContextMenu: [
    {
      id: 'coords.copyLngLat',
      labelKey: 'coords.copyLngLat',
      order: 10,
      testId: 'ctx-copy-lnglat',
      perform: async ({ t, workbench }, { lngLat }) => {
        const text = coordinateTexts(dataZone, lngLat[0], lngLat[1]).lngLat;
        await copyText(text);
        workbench.notices.push('info', t('coords.copied', { text }));
      },
    },
    {
      id: 'coords.copyGk',
      labelKey: 'coords.copyGk',
      order: 11,
      testId: 'ctx-copy-gk',
      when: ({ lngLat }) => coordinateTexts(dataZone, lngLat[0], lngLat[1]).gk !== null,
      perform: async ({ t, workbench }, { lngLat }) => {
        const text = coordinateTexts(dataZone, lngLat[0], lngLat[1]).gk!;
        await copyText(text);
        workbench.notices.push('info', t('coords.copied', { text }));
      },
    },
  ],
};
