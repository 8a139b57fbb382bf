import { useI18n } from '../../../i18n';
import type { HistoryEntryView } from '../history.logic';

/** A patrol's history, newest first: when, who, what kind; each changed field before → after. */
export function HistoryList({ entries }: { entries: readonly HistoryEntryView[] }) {
  const { t } = useI18n();
  return (
    <ol className="patrol-history" data-testid="patrol-history" aria-label={t('patrol.history')}>
      {entries.map((e, i) => (
        <li key={`${e.at}-${i}`} data-testid="patrol-history-entry" data-kind={e.kind}>
          <div>
            <span className="muted">{e.at}</span> <strong>{e.by}</strong> {e.kindLabel}
          </div>
          {e.changes.length > 0 && (
            <ul>
              {e.changes.map((c) => (
                <li key={c.field} data-testid="patrol-history-change" data-field={c.field}>
                  {c.label}：<del>{c.before}</del> → <ins>{c.after}</ins>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
