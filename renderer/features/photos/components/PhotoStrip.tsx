import type { PhotoRecord } from '../../../db';
import { useI18n } from '../../../i18n';
import { placementKey } from '../photos.logic';
import { useObjectUrl } from './use-object-url';

/** One tile: the stamped copy's thumbnail, or — for a photo the browser cannot draw — a file tile with its format. */
function Tile({ photo, n, selected, onSelect }: { photo: PhotoRecord; n: number; selected: boolean; onSelect: () => void }) {
  const { t } = useI18n();
  const url = useObjectUrl(photo.stamp?.thumb);
  const unplaced = photo.placement.source === 'none';
  return (
    <li>
      <button
        type="button"
        className={['photo-tile', selected ? 'selected' : '', unplaced ? 'unplaced' : ''].filter(Boolean).join(' ')}
        title={`${n}. ${photo.name} · ${t(placementKey(photo.placement))}`}
        aria-pressed={selected}
        data-testid="photo-tile"
        data-sha256={photo.sha256}
        data-placement={photo.placement.source}
        onClick={onSelect}
      >
        {url ? (
          <img src={url} alt={photo.name} />
        ) : (
          <span className="photo-file">
            <b>{photo.format.toUpperCase()}</b>
            <span>{photo.undecodable ? photo.name : t('photos.stampPending')}</span>
          </span>
        )}
        <span className="photo-n">{n}</span>
        {unplaced && <span className="photo-flag">{t('photos.placement.none')}</span>}
      </button>
    </li>
  );
}

/** 照片条: the record's photos in order, numbered as on the map. */
export function PhotoStrip({
  photos,
  selected,
  onSelect,
}: {
  photos: readonly PhotoRecord[];
  selected: string | null;
  onSelect: (sha: string) => void;
}) {
  return (
    <ul className="photo-strip" data-testid="photo-strip">
      {photos.map((p, i) => (
        <Tile key={p.sha256} photo={p} n={i + 1} selected={p.sha256 === selected} onSelect={() => onSelect(p.sha256)} />
      ))}
    </ul>
  );
}
