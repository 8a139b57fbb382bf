/**
 * 打印地图: a true-scale sheet of the map view — the settings of 导出证据 (paper, orientation, scale, title, layers,
 * legend, imagery, grid) beside a live preview, then 导出 PDF or 导出 PNG (view-actions.ts). The view's zone and its
 * default scale are chosen once, when the dialog opens (shared/domain/evidence/view-sheet.ts); a centre outside China
 * is refused by name.
 */
import { useEffect, useMemo, useState } from 'react';
import { paperOf, sheetZones, type MapViewTarget } from '../../../../shared/domain/evidence/map-sheet';
import type { SheetSettings } from '../../../../shared/domain/evidence/inputs';
import type { EvidenceTemplate } from '../../../../shared/domain/evidence/template';
import { screenScaleDenominator, viewTarget, viewZone, type MapViewSnapshot } from '../../../../shared/domain/evidence/view-sheet';
import { useI18n } from '../../../i18n';
import { evidenceSheetZhCN } from '../../../i18n/evidence-sheet.zh-CN';
import { electronApi } from '../../../platform/platform';
import { Dialog } from '../../../ui/Dialog';
import { ProgressCard } from '../../../ui/ProgressCard';
import { sortTopToBottom, useLayerList } from '../../layers';
import { dialogState } from '../evidence-state';
import { imageryChoices, loadTemplate } from '../evidence-session';
import type { ExportStep, ImageryChoice } from '../export-pipeline';
import { VIEW_SCALE_CHOICES, changeViewSettings, viewSettings } from '../map-print.logic';
import { useViewPreview, type Preview } from '../use-preview';
import { useViewExport } from '../use-view-export';
import { PreviewPane } from './PreviewPane';
import { SettingsForm } from './SettingsForm';

const STEPS: readonly ExportStep[] = ['data', 'imagery', 'png'];

export function MapPrintDialog({ view }: { view: MapViewSnapshot }) {
  const { t } = useI18n();
  const { layers: all } = useLayerList();
  const layers = useMemo(() => sortTopToBottom(all).filter((l) => l.visible && l.meta.geometryKind !== 'unknown'), [all]);
  // The zone is the view's, chosen once from the layers shown when the dialog opened (a rule the sheet then keeps).
  const [zone] = useState(() =>
    viewZone(
      view.centre,
      layers.map((l) => l.meta.crs),
    ),
  );
  const [template, setTemplate] = useState<EvidenceTemplate | null>(null);
  const [settings, setSettings] = useState<SheetSettings | null>(null);
  const [target, setTarget] = useState<MapViewTarget | null>(null);
  const [scaleTouched, setScaleTouched] = useState(false);
  const [imagery] = useState<ImageryChoice[]>(imageryChoices);
  const [imageryId, setImageryId] = useState<string | null>(imagery[0]?.id ?? null);

  useEffect(() => {
    if (!zone.ok) return;
    void loadTemplate().then((tpl) => {
      const frame = sheetZones(paperOf(tpl.sheet.paper, tpl.sheet.orientation), tpl.sheet.legendPosition).frame;
      const tg = viewTarget(view, zone, frame);
      setTemplate(tpl);
      setTarget(tg);
      setSettings(viewSettings(tpl.sheet, evidenceSheetZhCN['evidenceSheet.viewTitle'], tg.scale));
    });
  }, [view, zone]);

  const chosen = imagery.find((i) => i.id === imageryId) ?? null;
  // the dialog's pattern (EvidenceDialog's): inputs are read only once the template has given the settings
  const loaded = settings !== null && template !== null;
  const inputs = { settings: settings!, template: template!, layers, imagery: chosen, t };
  const ex = useViewExport(loaded ? target : null, loaded ? inputs : null, imageryId, t);
  const { phase } = ex;
  const busy = phase.kind === 'exporting';
  const live = useViewPreview(loaded ? target : null, inputs, busy);
  const preview: Preview = zone.ok ? live : { state: 'refused', refusal: { reason: 'outsideChina' } };
  const close = () => {
    ex.abort();
    dialogState.set(null);
  };

  const ready = preview.state === 'ready' && !busy;
  const step = phase.kind === 'exporting' ? Math.max(0, STEPS.indexOf(phase.step === 'pdf' ? 'png' : phase.step)) : 0;
  return (
    <Dialog
      title={t('evidence.dialog.viewTitle')}
      onClose={busy ? undefined : close}
      wide
      testId="map-print-dialog"
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="btn" data-testid="map-print-close" disabled={busy} onClick={close}>
            {t('evidence.close')}
          </button>
          <button type="button" className="btn" data-testid="map-print-png" disabled={!ready} onClick={() => void ex.run('png')}>
            {t('evidence.view.exportPng')}
          </button>
          <button type="button" className="btn primary" data-testid="map-print-pdf" disabled={!ready} onClick={() => void ex.run('pdf')}>
            {t('evidence.view.exportPdf')}
          </button>
        </>
      }
    >
      <div className="evidence-dialog-body">
        {settings ? (
          <SettingsForm
            settings={settings}
            onChange={(p) => {
              const next = changeViewSettings(settings, p, scaleTouched, (s) => {
                if (!zone.ok) return s.scale === 'fit' ? 1000 : s.scale;
                const tg = viewTarget(view, zone, sheetZones(paperOf(s.paper, s.orientation), s.legendPosition).frame);
                setTarget(tg);
                return tg.scale;
              });
              setScaleTouched(next.scaleTouched);
              setSettings(next.settings);
            }}
            layers={layers}
            imagery={imagery}
            imageryId={imageryId}
            onImagery={setImageryId}
            disabled={busy}
            scaleChoices={VIEW_SCALE_CHOICES}
          />
        ) : (
          <div />
        )}
        <div className="evidence-dialog-side">
          {zone.ok && target && (
            <p
              className="muted small"
              data-testid="map-print-zone"
              data-rule={zone.rule}
              data-zone={zone.zone.zone}
              data-default-scale={target.scale}
            >
              {t(zone.rule === 'layers' ? 'evidence.view.zoneLayers' : 'evidence.view.zoneCentre', {
                width: zone.zone.width,
                zone: zone.zone.zone,
                cm: zone.zone.centralMeridian,
              })}{' '}
              {t('evidence.view.scaleHint', { n: target.scale, screen: Math.round(screenScaleDenominator(view.zoom, view.centre[1]) / 10) * 10 })}
            </p>
          )}
          {!electronApi() && <p className="muted small">{t('evidence.view.browserNote')}</p>}
          <PreviewPane preview={preview} onRerun={null} rerunning={false} thumbs={false} />
        </div>
      </div>
      {phase.kind === 'exporting' && (
        <ProgressCard
          placement="inline"
          title={t('evidence.view.progress')}
          phase={t(`evidence.step.${phase.step}`)}
          fraction={(step + 0.5) / STEPS.length}
          onCancel={ex.cancel}
          cancelLabel={t('common.cancel')}
          cancelTestId="map-print-cancel"
          testId="map-print-progress"
        />
      )}
      {phase.kind === 'done' && (
        <p className="msg ok" data-testid="map-print-done">
          {phase.text}
        </p>
      )}
      {phase.kind === 'error' && (
        <p className="msg error" data-testid="map-print-error">
          {phase.text}
        </p>
      )}
    </Dialog>
  );
}
