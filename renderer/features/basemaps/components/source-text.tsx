/** A source's name and its datum badge, as the panel, the dialogs and the map's warning say them. */
import type { Translate } from '../../../i18n';
import { useI18n } from '../../../i18n';
import { datumOf, isShiftedDatum, type BasemapSource } from '../basemaps.logic';

export const sourceName = (t: Translate, s: BasemapSource): string => (s.kind === 'tianditu' ? t(`basemaps.${s.id}`) : s.name);

const SHORT = { cgcs2000: 'CGCS2000', gcj02: 'GCJ-02', bd09: 'BD-09' } as const;

/** CGCS2000 plainly; a shifted datum as a warning badge ("GCJ-02 偏移"). */
export function DatumBadge({ source }: { source: BasemapSource }) {
  const { t } = useI18n();
  const d = datumOf(source);
  if (!isShiftedDatum(d)) return <span className="datum-badge">{SHORT[d]}</span>;
  return (
    <span className="datum-badge shifted" data-testid="basemap-shift-badge" title={t(`basemaps.datum.${d}`)}>
      ⚠ {t('basemaps.shiftedBadge', { datum: SHORT[d] })}
    </span>
  );
}
