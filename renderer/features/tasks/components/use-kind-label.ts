import { useCallback } from 'react';
import type { PatrolAreaKind } from '../../../../shared/domain/patrol/patrol-area-record';
import { useI18n, type MessageKey } from '../../../i18n';
import type { AreaChoice } from '../tasks.logic';

const KEYS: Record<string, MessageKey> = {
  keyArea: 'tasks.kind.keyArea',
  corridor: 'tasks.kind.corridor',
  stopNoticeSite: 'tasks.kind.stopNoticeSite',
  other: 'tasks.kind.other',
  county: 'grid.level.county',
  township: 'grid.level.township',
  village: 'grid.level.village',
  cell: 'grid.level.cell',
} satisfies Record<PatrolAreaKind | 'county' | 'township' | 'village' | 'cell', MessageKey>;

/** The kind of an area a task names, as the form and the sheet say it (a patrol area's kind, a grid area's level). */
export function useKindLabel(): (c: AreaChoice) => string {
  const { t } = useI18n();
  return useCallback((c: AreaChoice) => (KEYS[c.kind] ? t(KEYS[c.kind]!) : c.kind), [t]);
}
