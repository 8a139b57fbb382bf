import { Dialog } from '../../../ui/Dialog';
import { formatNumber, useI18n } from '../../../i18n';
import { safeFormatIssue } from '../issues.view';
import type { ImportSummary } from '../import.protocol';

/** After an import: each layer (count, encoding and why, CRS and why) and each issue (warnings yellow, errors red). */
export function ImportResultDialog({ summary, onClose }: { summary: ImportSummary; onClose: () => void }) {
  const { t, lang } = useI18n();
  const issue = (i: ImportSummary['issues'][number], k: number) => (
    <li key={k} className={`msg ${i.severity}`} data-testid={`issue-${i.severity}`}>
      {safeFormatIssue(i, lang)}
    </li>
  );
  return (
    <Dialog
      title={t('import.resultTitle')}
      onClose={onClose}
      wide
      testId="import-result"
      footer={
        <button className="btn primary" data-testid="import-result-ok" onClick={onClose}>
          {t('common.ok')}
        </button>
      }
    >
      <p className={summary.layers.length > 0 ? 'msg ok' : 'msg error'}>
        {summary.layers.length > 0 ? t('import.imported', { count: summary.layers.length }) : t('import.nothing')}
        {summary.pending.length > 0 && ` · ${t('import.pendingCount', { count: summary.pending.length })}`}
      </p>
      {summary.layers.length > 0 && (
        <table className="grid">
          <thead>
            <tr>
              <th>{t('import.col.layer')}</th>
              <th className="num">{t('import.col.features')}</th>
              <th>{t('import.col.encoding')}</th>
              <th>{t('import.col.crs')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.layers.map((l) => (
              <tr key={l.id} data-testid="import-result-layer">
                <td title={l.source}>
                  <div>{l.name}</div>
                  <div className="muted small">{l.source}</div>
                </td>
                <td className="num">{formatNumber(lang, l.featureCount)}</td>
                <td>
                  {l.encoding.encoding}
                  <div className="muted small">{t(`encSource.${l.encoding.source}`)}</div>
                </td>
                <td>
                  {l.crs.label}
                  <div className="muted small">{t(`crsSource.${l.crs.source}`)}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary.layers.some((l) => l.issues.length > 0) && <ul className="issues">{summary.layers.flatMap((l) => l.issues).map(issue)}</ul>}
      {summary.failed.length > 0 && (
        <>
          <h4>{t('import.failedBundles')}</h4>
          <ul className="issues" data-testid="import-failed">
            {summary.failed.flatMap((f) => f.issues).map(issue)}
          </ul>
        </>
      )}
      {summary.issues.length > 0 && (
        <>
          <h4>{t('import.otherIssues')}</h4>
          <ul className="issues">{summary.issues.map(issue)}</ul>
        </>
      )}
    </Dialog>
  );
}
