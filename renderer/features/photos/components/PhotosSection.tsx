import { useRef, useState } from 'react';
import type { InspectionSectionProps } from '../../inspection';
import { editStoredPhoto, getPhotoOriginal, placeStoredPhoto, type PhotoEdit, type PhotoWriteReason } from '../../../db';
import { useI18n, type MessageKey } from '../../../i18n';
import type { MapTool } from '../../../map';
import { saveBytes } from '../../../platform/platform';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { extensionOf, mergeHashes, PHOTO_ACCEPT, unplacedPhotos } from '../photos.logic';
import { ensureStamps, photosState, readAndStore, selectPhoto, setPlacing, showPhoto } from '../photos-state';
import { PhotoDetails } from './PhotoDetails';
import { PhotoStrip } from './PhotoStrip';

const REFUSALS: Record<PhotoWriteReason, MessageKey> = {
  notFound: 'photos.refused.notFound',
  badLngLat: 'photos.refused.badLngLat',
  badKind: 'photos.refused.badKind',
};

/** 现场照片: add (pick or drop), the strip, the selected photo's facts, its export and its placement by hand. */
export function PhotosSection({ record, readOnly, save }: InspectionSectionProps) {
  const { t } = useI18n();
  const wb = useWorkbench();
  const view = useStore(photosState);
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const mine = view.recordId === record.id;
  const photos = mine ? view.photos : [];
  const index = photos.findIndex((p) => p.sha256 === view.selected);
  const selected = index >= 0 ? photos[index]! : null;
  const unplaced = unplacedPhotos(photos);

  const add = (files: File[]) =>
    wb.attempt('photos.add', async () => {
      const { stored, skipped } = await readAndStore(files, record.inspectors[0]?.name ?? '');
      if (skipped.length) wb.notices.push('warning', t('photos.notPhotos', { names: skipped.join('、') }));
      if (stored.length === 0) return;
      const hashes = mergeHashes(
        record.photoHashes,
        stored.map((s) => s.record.sha256),
      );
      const added = hashes.length - record.photoHashes.length;
      if (added === 0) return wb.notices.push('info', t('photos.addedSome', { n: 0, same: stored.length }));
      const saved = await save({ photoHashes: hashes }, t('photos.saveWhat'));
      if (!saved) return;
      selectPhoto(stored[stored.length - 1]!.record.sha256);
      wb.notices.push(
        'info',
        added === stored.length ? t('photos.added', { n: added }) : t('photos.addedSome', { n: added, same: stored.length - added }),
      );
    });

  const write = (fn: () => ReturnType<typeof editStoredPhoto>) =>
    wb.attempt('photos.title', async () => {
      const r = await fn();
      if (!r.ok) return wb.notices.error(t(REFUSALS[r.reason]));
      showPhoto(r.value);
      // A new position is a new band: the stamped copy is made again.
      await ensureStamps();
    });

  const actionsOf = (sha: string, name: string) => ({
    edit: (edit: PhotoEdit) => write(() => editStoredPhoto(sha, edit, Date.now())),
    unplace: () => write(() => placeStoredPhoto(sha, null, Date.now())),
    place: () => {
      const map = wb.map.current();
      if (!map) return;
      setPlacing(sha);
      wb.notices.push('info', t('photos.placeHint', { name }));
      const tool: MapTool<'point'> = {
        id: 'photos.place',
        mode: 'point',
        onFinish: (g) => {
          const [lon, lat] = g.coordinates as [number, number];
          map.setTool(null);
          write(() => placeStoredPhoto(sha, [lon, lat], Date.now()));
          wb.notices.push('info', t('photos.placed', { name }));
        },
        onCancel: () => setPlacing(null),
      };
      map.setTool(tool);
    },
    exportOriginal: () =>
      wb.attempt('photos.export', async () => {
        const r = await getPhotoOriginal(sha);
        if (!r.ok) return wb.notices.error(r.reason === 'hashMismatch' ? t('photos.refused.hashMismatch', { name }) : t('photos.refused.notFound'));
        const p = photos.find((x) => x.sha256 === sha);
        await saveBytes(
          r.value.name,
          r.value.bytes,
          r.value.mime || 'application/octet-stream',
          t('photos.title'),
          extensionOf(r.value.name, p?.format ?? 'other'),
        );
      }),
    exportStamp: () =>
      wb.attempt('photos.exportStamp', async () => {
        const p = photos.find((x) => x.sha256 === sha);
        if (!p?.stamp) return;
        const base = p.name.replace(/\.[^.]+$/, '');
        await saveBytes(`${base}-盖章副本.jpg`, new Uint8Array(await p.stamp.image.arrayBuffer()), 'image/jpeg', t('photos.title'), 'jpg');
      }),
    remove: () =>
      wb.attempt('photos.remove', async () => {
        const saved = await save({ photoHashes: record.photoHashes.filter((h) => h !== sha) }, t('photos.removeWhat'));
        if (saved) wb.notices.push('info', t('photos.removed'));
      }),
  });

  return (
    <div
      className={dragging ? 'photos-section dragging' : 'photos-section'}
      data-testid="photos-section"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.stopPropagation();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        e.stopPropagation();
        setDragging(false);
        add(Array.from(e.dataTransfer.files));
      }}
    >
      <div className="photos-head">
        <button type="button" className="btn small primary" data-testid="photos-add" onClick={() => input.current?.click()}>
          {t('photos.add')}
        </button>
        <span className="muted">{dragging ? t('photos.dropHere') : t('photos.addHint')}</span>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          accept={PHOTO_ACCEPT}
          data-testid="photos-input"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length) add(files);
          }}
        />
      </div>
      {view.busy && (
        <p className="muted" role="status" data-testid="photos-busy">
          {t(view.busy.phase === 'read' ? 'photos.reading' : 'photos.stamping', { done: view.busy.done + 1, total: view.busy.total })}
        </p>
      )}
      {readOnly && <p className="muted">{t('photos.readOnly')}</p>}
      {photos.length === 0 ? (
        <p className="muted">{t('photos.none')}</p>
      ) : (
        <>
          <p className="muted" data-testid="photos-count">
            {t('photos.count', { n: photos.length, placed: photos.length - unplaced.length, unplaced: unplaced.length })}
          </p>
          <p className="muted">{t('photos.mapLegend')}</p>
          {unplaced.length > 0 && (
            <p className="photos-unplaced" data-testid="photos-unplaced">
              {t('photos.unplacedList', { names: unplaced.map((p) => `${photos.indexOf(p) + 1}. ${p.name}`).join('、') })}
            </p>
          )}
          <PhotoStrip photos={photos} selected={view.selected} onSelect={selectPhoto} />
          {selected && (
            <PhotoDetails
              photo={selected}
              n={index + 1}
              readOnly={readOnly}
              placing={view.placing === selected.sha256}
              actions={actionsOf(selected.sha256, selected.name)}
            />
          )}
        </>
      )}
    </div>
  );
}
