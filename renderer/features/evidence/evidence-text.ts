/** The refusals as sentences (the dialog, the notices, 跳过.txt). */
import type { Translate } from '../../i18n';
import type { ExportRefusal } from './evidence.logic';

export function refusalText(r: ExportRefusal, t: Translate): string {
  switch (r.reason) {
    case 'noGeometry':
      return t('evidence.refusal.noGeometry');
    case 'noComparison':
      return t('evidence.refusal.noComparison');
    case 'comparisonUnreadable':
      return t('evidence.refusal.comparisonUnreadable');
    case 'staleComparison': {
      const s = r.staleness;
      const why = [
        ...(s.geometryChanged ? [t('evidence.stale.geometry')] : []),
        ...(s.layersChanged.length ? [t('evidence.stale.layers', { names: s.layersChanged.join('、') })] : []),
        ...(s.layersRemoved.length ? [t('evidence.stale.removed', { names: s.layersRemoved.join('、') })] : []),
        ...(s.rolesChanged ? [t('evidence.stale.roles')] : []),
      ];
      return t('evidence.refusal.staleComparison', { why: why.join('；') });
    }
    case 'outsideChina':
      return t('evidence.refusal.outsideChina');
    case 'doesNotFit':
      return r.scale >= 10000 ? t('evidence.refusal.doesNotFitMax') : t('evidence.refusal.doesNotFit', { scale: r.scale });
  }
}

/** Whether 重新套合 answers the refusal. */
export const rerunHelps = (r: ExportRefusal): boolean =>
  r.reason === 'noComparison' || r.reason === 'staleComparison' || r.reason === 'comparisonUnreadable';
