/**
 * The record's 界址点 as the files surveyors and the land-approval system take: CASS .dat (点名,编码,Y,X,H) and the
 * 建设用地报盘 coordinate file, GBK (both are Chinese Windows tools), named after the record's number, saved through
 * the platform (Electron's save dialog, else a download). The figures come from the same plot the section shows.
 */
import type { Inspection } from '../../../shared/domain/inspection/inspection-record';
import { writeBaopan } from '../../../shared/formats/survey/baopan';
import { writeCass } from '../../../shared/formats/survey/cass';
import type { Translate } from '../../i18n';
import { CodedError } from '../../platform/coded-error';
import { saveBytes } from '../../platform/platform';
import type { NoticeService } from '../../ui/use-notices';
import { exportFileName, exportPlotOf, recordPlot } from './survey.logic';

const TEXT = 'text/plain;charset=gbk';
const plotName = (r: Inspection, t: Translate) => r.number || t('survey.title');

export async function exportCass(record: Inspection, t: Translate, notices: NoticeService): Promise<void> {
  const written = writeCass(exportPlotOf(record.surveyPoints, plotName(record, t)), { encoding: 'gbk' });
  const name = exportFileName(record.number, t('survey.file.dat'), 'dat');
  if (await saveBytes(name, written.bytes, TEXT, 'CASS', 'dat'))
    notices.push('info', t('survey.export.saved', { name, count: record.surveyPoints.length }));
}

export async function exportBaopan(record: Inspection, t: Translate, notices: NoticeService): Promise<void> {
  const plot = recordPlot(record.surveyPoints, record.zone, plotName(record, t));
  if (!plot?.area || plot.zone.kind !== 'known' || (plot.zone.zone.width !== 3 && plot.zone.zone.width !== 6))
    throw new CodedError('failed', { detail: t('survey.section.needsZone') });
  const now = new Date();
  const written = writeBaopan([{ plot: exportPlotOf(record.surveyPoints, plotName(record, t)), planarM2: plot.area.planarM2 }], {
    zone: { width: plot.zone.zone.width, zone: plot.zone.zone.zone },
    date: `${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`,
    encoding: 'gbk',
  });
  const name = exportFileName(record.number, t('survey.file.baopan'), 'txt');
  if (await saveBytes(name, written.bytes, TEXT, '报盘', 'txt'))
    notices.push('info', t('survey.export.saved', { name, count: record.surveyPoints.length }));
}
