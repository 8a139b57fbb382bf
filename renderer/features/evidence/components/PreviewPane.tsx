/** The live preview: the map sheet scaled into the dialog, thumbnails of every page below it. */
import { useI18n } from '../../../i18n';
import type { MessageKey } from '../../../i18n';
import type { Sheet } from '../../../../shared/domain/evidence/sheet-model';
import { refusalText, rerunHelps } from '../evidence-text';
import type { Preview } from '../use-preview';
import { SheetView } from './SheetView';

const PAGE_KEYS: Record<Sheet['role'], MessageKey> = {
  map: 'evidence.page.map',
  table: 'evidence.page.table',
  record: 'evidence.page.record',
  notice: 'evidence.page.notice',
  photos: 'evidence.page.photos',
};

export function PreviewPane({
  preview,
  onRerun,
  rerunning,
  thumbs = true,
}: {
  preview: Preview;
  onRerun: (() => void) | null;
  rerunning: boolean;
  /** The thumbnails of every page (打印地图 has one page: none). */
  thumbs?: boolean;
}) {
  const { t } = useI18n();
  if (preview.state === 'loading') return <p className="muted evidence-preview-empty">{t('evidence.preview.loading')}</p>;
  if (preview.state === 'failed') return <p className="msg error">{preview.text}</p>;
  if (preview.state === 'refused')
    return (
      <div className="msg error evidence-refusal" data-testid="evidence-refusal" data-reason={preview.refusal.reason}>
        {refusalText(preview.refusal, t)}
        {rerunHelps(preview.refusal) && onRerun && (
          <button type="button" className="btn small" data-testid="evidence-rerun" disabled={rerunning} onClick={onRerun}>
            {rerunning ? t('evidence.rerun.running') : t('evidence.rerun')}
          </button>
        )}
      </div>
    );
  const { sheets, images, notes } = preview.prepared;
  const map = sheets[0]!;
  return (
    <div className="evidence-preview" data-testid="evidence-preview">
      <div className="evidence-preview-main" data-testid="evidence-preview-map" data-scale={preview.prepared.plan.ground.scale}>
        <SheetView sheet={map} images={images} className="evidence-sheet-svg" />
      </div>
      {notes.map((n) => (
        <p key={n} className="msg warning small" data-testid="evidence-note">
          {n}
        </p>
      ))}
      {thumbs && (
        <>
          <h4>{t('evidence.pages', { count: sheets.length })}</h4>
          <ol className="evidence-thumbs" data-testid="evidence-thumbs">
            {sheets.map((s, i) => (
              <li key={i} data-role={s.role}>
                <SheetView sheet={s} images={images} className="evidence-thumb-svg" />
                <span className="small muted">
                  {i + 1}. {t(PAGE_KEYS[s.role])}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
