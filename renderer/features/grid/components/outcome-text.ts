import type { MessageKey, Translate } from '../../../i18n';
import { writeReasonText } from './GridPanel';

const OWN: Record<string, MessageKey> = {
  hasChildren: 'gridMap.reason.hasChildren',
  multiPolygon: 'gridMap.reason.multiPolygon',
  duplicateName: 'gridMap.reason.duplicateName',
  notSplit: 'gridMap.reason.notSplit',
  notSiblings: 'gridMap.reason.notSiblings',
  codeNotTwelveDigits: 'gridMap.reason.codeNotTwelveDigits',
  codeLevelMismatch: 'gridMap.reason.codeLevelMismatch',
  codeParentMismatch: 'gridMap.reason.codeParentMismatch',
};

/** A refused grid edit as the user reads it: this feature's reasons, else the repository's (writeReasonText). */
export function outcomeText(t: Translate, reason: string): string {
  const key = OWN[reason];
  return key ? t('grid.writeRefused', { reason: t(key) }) : writeReasonText(t, reason);
}
