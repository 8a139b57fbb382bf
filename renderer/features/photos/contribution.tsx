/**
 * 现场照片 (issue 11 item 4): the record panel's photo section (order 30), the open record's photos on the map as
 * points numbered as in the strip, each with an arrow in the direction it was taken (GPSImgDirection, 0° = north,
 * clockwise), and a click on a photo's point selecting it in the strip. The originals stay byte for byte in
 * `attachments` (SHA-256 at import); the strip and the print show the stamped copy, made in the photos worker.
 */
import { useEffect, useMemo } from 'react';
import type { MapLayerSpec } from '../../map';
import type { FeatureContribution } from '../../ui/contributions';
import { useStore } from '../../ui/store';
import { useWorkbench } from '../../ui/workbench';
import { openInspectionState, registerInspectionSection } from '../inspection';
import { PhotosSection } from './components/PhotosSection';
import { photoPoints } from './photos.logic';
import { followRecord, photosState, selectPhoto } from './photos-state';
import './photos.css';

export const PHOTO_LAYER = 'photos';

registerInspectionSection({ id: 'photos', order: 30, titleKey: 'photos.title', component: PhotosSection, testId: 'inspection-section-photos' });

/** Keeps the photos store on the open record (the map shows its photos while the panel is open). */
function PhotosFollower() {
  const open = useStore(openInspectionState);
  const record = open?.record ?? null;
  useEffect(() => {
    void followRecord(record).catch((e: unknown) => console.warn('landpatrol: photos could not be read', e));
  }, [record]);
  return null;
}

/** A click on a photo's point selects that photo in the strip (the identify panel has nothing to say about it). */
function PhotoMapPicker() {
  const wb = useWorkbench();
  useEffect(
    () =>
      wb.selection.subscribe(() => {
        const hit = wb.selection.get();
        if (!hit || hit.layerId !== PHOTO_LAYER) return;
        const photo = photosState.get().photos[hit.fid];
        wb.selection.set(null);
        if (photo) selectPhoto(photo.sha256);
      }),
    [wb],
  );
  return null;
}

function usePhotoLayers(): readonly MapLayerSpec[] {
  const { photos, selected, recordId } = useStore(photosState);
  const data = useMemo(() => photoPoints(photos, selected), [photos, selected]);
  const chosen = useMemo(() => ({ ...data, features: data.features.filter((f) => f.properties?.selected === true) }), [data]);
  return useMemo(
    (): MapLayerSpec[] => [
      {
        type: 'geojson',
        id: PHOTO_LAYER,
        data,
        paint: {
          // A numbered dot (the strip's number, white on orange) with the arrow reaching 28 px out of it.
          circle: { color: '#e67e22', radiusPx: 9, strokeColor: '#ffffff', strokeWidthPx: 2 },
          arrow: { color: '#c0392b', rotateField: 'bearing', sizePx: 60 },
        },
        visible: recordId !== null,
        interactive: true,
        label: { field: 'n', sizePx: 11, color: '#ffffff', haloColor: '#e67e22', haloWidthPx: 0.5, allowOverlap: true },
      },
      {
        type: 'geojson',
        id: `${PHOTO_LAYER}-selected`,
        data: chosen,
        paint: { circle: { color: 'rgba(0,0,0,0)', radiusPx: 12, strokeColor: '#00b8d4', strokeWidthPx: 3 } },
        visible: recordId !== null && chosen.features.length > 0,
      },
    ],
    [data, chosen, recordId],
  );
}

export const photosFeature: FeatureContribution = {
  id: 'photos',
  hosts: [
    { slot: 'map', component: PhotosFollower },
    { slot: 'map', component: PhotoMapPicker },
  ],
  useMapLayers: usePhotoLayers,
};
