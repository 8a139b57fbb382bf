/** The status bar: pointer coordinates (lon/lat and GK in the data's zone), scale, zoom. */
import { useMemo } from 'react';
import type { FeatureContribution } from '../../ui/contributions';
import { topProjectedZone, useLayerList } from '../layers';
import { LiveStatusBar } from './components/LiveStatusBar';
import { createStatusSource } from './use-statusbar';

/** One source for the app's lifetime: the map pushes pointer and camera into it, only the status bar reads it. */
const source = createStatusSource();

function StatusBarHost() {
  const { layers } = useLayerList();
  const dataZone = useMemo(() => topProjectedZone(layers), [layers]);
  return <LiveStatusBar source={source} dataZone={dataZone} />;
}

export const statusbarFeature: FeatureContribution = {
  id: 'statusbar',
  hosts: [{ slot: 'status', component: StatusBarHost }],
  mapListeners: { onPointer: (p) => source.onPointer(p), onCamera: (c) => source.onCamera(c) },
};
