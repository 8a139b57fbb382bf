import type { GkZoneRef } from '../../../../shared/domain/units/area';
import { useStatusSnapshot, type StatusSource } from '../use-statusbar';
import { StatusBar } from './StatusBar';

/** The status bar bound to the live pointer and camera (the only component that re-renders as the mouse moves). */
export function LiveStatusBar({ source, dataZone }: { source: StatusSource; dataZone: GkZoneRef | null }) {
  const { pointer, camera } = useStatusSnapshot(source);
  return <StatusBar pointer={pointer} camera={camera} dataZone={dataZone} />;
}
