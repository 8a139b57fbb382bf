/// <reference lib="webworker" />
/**
 * Survey files off the UI thread (shared/formats/survey, the same readers as `landpatrol survey`): a CSV — or a TXT
 * that is a table with a header row and not a 报盘 file — comes back as its columns for the mapping dialog; every
 * other file as its plots and issues. One worker per request (cancel = terminate).
 */
import { applyMapping, parseDelimited, suggestMapping } from '../../../shared/formats/survey/csv';
import { looksLikeBaopan } from '../../../shared/formats/survey/baopan';
import { hasLngLatPoints, projectLngLat } from '../../../shared/formats/survey/lnglat';
import { readSurveyFile } from '../../../shared/formats/survey/read';
import { decodeSurveyText } from '../../../shared/formats/survey/text';
import { serveWorker } from '../../platform/worker-host';
import type { ReadSurveyResult, SurveyProtocol } from './survey.protocol';

const extOf = (path: string): string => /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';

function read(file: string, bytes: Uint8Array, zone: Parameters<typeof readSurveyFile>[2]): ReadSurveyResult {
  const ext = extOf(file);
  if (bytes.length > 0 && (ext === 'csv' || ext === 'txt')) {
    const text = decodeSurveyText(bytes).text;
    if (!looksLikeBaopan(text)) {
      const parsed = parseDelimited(bytes);
      if (ext === 'csv' || parsed.hasHeader)
        return {
          kind: 'columns',
          file,
          columns: parsed.columns,
          suggestion: suggestMapping(parsed.columns),
          delimiter: parsed.delimiter,
          hasHeader: parsed.hasHeader,
          encoding: parsed.encoding,
          rows: parsed.rows.length,
        };
    }
  }
  return { kind: 'file', file: readSurveyFile(file, bytes, zone) };
}

serveWorker<SurveyProtocol>({
  read: (req, ctx) => {
    ctx.progress({ phase: 'read' });
    return read(req.file, req.bytes, req.zone ? { zone: req.zone } : {});
  },
  apply: (req, ctx) => {
    ctx.progress({ phase: 'read' });
    const f = applyMapping(req.file, parseDelimited(req.bytes), req.mapping);
    return hasLngLatPoints(f) ? projectLngLat(f, req.zone) : f;
  },
});
