/** TEMPORARY (deleted when E-B's manifest.ts lands on main): the evidence set's manifest. */
/** TEMPORARY manifest (E-B's buildManifest replaces it). */
export function tempManifest(
  files: readonly { path: string; sha256: string; size: number; category: string }[],
  meta: { recordNumber: string; recordId: string; historyHead: string | null; appVersion: string; exportedAt: number },
): { text: string; json: string } {
  const json = JSON.stringify({ version: 1, ...meta, exportedAt: new Date(meta.exportedAt).toISOString(), algorithm: 'SHA-256', files }, null, 2);
  const text = [
    `证据清单 ${meta.recordNumber}`,
    `记录历史链末项哈希：${meta.historyHead ?? '—'}`,
    `软件版本：${meta.appVersion}`,
    `导出时间：${new Date(meta.exportedAt).toISOString()}`,
    ...files.map((f) => `${f.category}\t${f.path}\t${f.size}\tSHA-256 ${f.sha256}`),
  ].join('\r\n');
  return { text: text + '\r\n', json };
}
