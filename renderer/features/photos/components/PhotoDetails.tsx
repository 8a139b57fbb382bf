import { useEffect, useState } from 'react';
import { PHOTO_KINDS, type PhotoEdit, type PhotoRecord } from '../../../db';
import { formatNumber, useI18n } from '../../../i18n';
import { Field, Select } from '../../../ui/fields';
import { bearingText, ISSUE_KEYS, lngLatText, photoTimeText, placementKey } from '../photos.logic';
import { useObjectUrl } from './use-object-url';

export interface PhotoActions {
  place(): void;
  unplace(): void;
  exportOriginal(): void;
  exportStamp(): void;
  remove(): void;
  edit(edit: PhotoEdit): void;
}

/** A text committed when the field is left (one write per edit, not per key). */
function CommitText({
  label,
  value,
  rows,
  disabled,
  testId,
  onCommit,
}: {
  label: string;
  value: string;
  rows?: number;
  disabled: boolean;
  testId: string;
  onCommit: (v: string) => void;
}) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => text !== value && onCommit(text);
  return (
    <Field label={label}>
      {(c) =>
        rows ? (
          <textarea
            {...c}
            className="field-input"
            rows={rows}
            value={text}
            disabled={disabled}
            data-testid={testId}
            onChange={(e) => setText(e.target.value)}
            onBlur={commit}
          />
        ) : (
          <input
            {...c}
            className="field-input"
            value={text}
            disabled={disabled}
            data-testid={testId}
            onChange={(e) => setText(e.target.value)}
            onBlur={commit}
          />
        )
      }
    </Field>
  );
}

/** The selected photo: the stamped copy, the facts as the camera wrote them, what the officer adds, and the actions. */
export function PhotoDetails({
  photo,
  n,
  readOnly,
  placing,
  actions,
}: {
  photo: PhotoRecord;
  n: number;
  readOnly: boolean;
  placing: boolean;
  actions: PhotoActions;
}) {
  const { t, lang } = useI18n();
  const url = useObjectUrl(photo.stamp?.image);
  const time = photoTimeText(photo.exif.time, lang);
  const p = photo.placement;
  const camera = [photo.exif.make, photo.exif.model].filter(Boolean).join(' ');
  const rows: [string, string, string][] = [
    ['name', t('photos.field.name'), `${n}. ${photo.name}`],
    ['time', t('photos.field.time'), time ? time.camera : t('photos.time.none')],
    ['beijing', t('photos.field.beijing'), time ? (time.beijing ?? time.note ?? '') : t('photos.time.none')],
    [
      'position',
      t('photos.field.position'),
      p.source === 'none' ? t('photos.placement.none') : `${lngLatText(p.lngLat, lang)}（${t(placementKey(p))}）`,
    ],
    [
      'altitude',
      t('photos.field.altitude'),
      photo.exif.altitudeM === null ? t('photos.time.none') : t('photos.altitude.value', { m: formatNumber(lang, photo.exif.altitudeM, 1) }),
    ],
    ['bearing', t('photos.field.bearing'), bearingText(photo.exif.bearing, lang) ?? t('photos.bearing.none')],
    ['camera', t('photos.field.camera'), camera || '—'],
    ['size', t('photos.field.size'), `${formatNumber(lang, Math.max(1, Math.round(photo.size / 1024)))} KB`],
  ];
  const issues = photo.exif.issues.map((c) => t(ISSUE_KEYS[c])).join('；');
  return (
    <div className="photo-details" data-testid="photo-details" data-sha256={photo.sha256}>
      {url ? (
        <img
          className="photo-stamped"
          src={url}
          alt={photo.name}
          title={photo.stamp?.params.lines.join('\n')}
          data-stamp={photo.stamp?.params.lines.join('\n')}
          data-testid="photo-stamped"
        />
      ) : photo.undecodable ? (
        <p className="photo-undecodable" data-testid="photo-undecodable">
          {t('photos.undecodable', { format: photo.format.toUpperCase() })}
        </p>
      ) : (
        <p className="muted">{t('photos.stampPending')}</p>
      )}
      <dl className="photo-facts">
        {rows.map(([k, label, value]) => (
          <div key={k} data-testid={`photo-${k}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div data-testid="photo-sha256">
          <dt>{t('photos.field.sha256')}</dt>
          <dd>
            <code>{photo.sha256}</code>
          </dd>
        </div>
      </dl>
      {issues && <p className="muted">{issues}</p>}
      <div className="photo-edit">
        <Field label={t('photos.field.kind')} layout="inline">
          {(c) => (
            <Select
              {...c}
              options={PHOTO_KINDS.map((k) => ({ value: k, label: t(`photos.kind.${k}`) }))}
              value={photo.kind}
              disabled={readOnly}
              testId="photo-kind"
              onChange={(kind) => actions.edit({ kind })}
            />
          )}
        </Field>
        <CommitText
          label={t('photos.field.photographer')}
          value={photo.photographer}
          disabled={readOnly}
          testId="photo-photographer"
          onCommit={(v) => actions.edit({ photographer: v })}
        />
        <CommitText
          label={t('photos.field.description')}
          value={photo.description}
          rows={2}
          disabled={readOnly}
          testId="photo-description"
          onCommit={(v) => actions.edit({ description: v })}
        />
      </div>
      <div className="photo-actions">
        <button type="button" className="btn small" data-testid="photo-export" onClick={actions.exportOriginal}>
          {t('photos.export')}
        </button>
        {photo.stamp && (
          <button type="button" className="btn small" data-testid="photo-export-stamp" onClick={actions.exportStamp}>
            {t('photos.exportStamp')}
          </button>
        )}
        <button
          type="button"
          className={placing ? 'btn small primary' : 'btn small'}
          disabled={readOnly}
          data-testid="photo-place"
          onClick={actions.place}
        >
          {p.source === 'none' ? t('photos.place') : t('photos.replace')}
        </button>
        {p.source === 'hand' && photo.exif.position && (
          <button type="button" className="btn small" disabled={readOnly} onClick={actions.unplace}>
            {t('photos.unplace')}
          </button>
        )}
        <button type="button" className="btn small" data-testid="photo-remove" onClick={actions.remove}>
          {t('photos.remove')}
        </button>
      </div>
    </div>
  );
}
