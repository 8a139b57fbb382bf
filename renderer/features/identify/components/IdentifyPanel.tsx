import { useI18n } from '../../../i18n';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { identifyActions, type IdentifiedFeature } from '../identify-actions';
import { areaLines, formatValue } from '../identify.logic';
import type { IdentifyResult } from '../use-identify';

export function IdentifyPanel({ result }: { result: IdentifyResult }) {
  const { t } = useI18n();
  return (
    <section className="panel identify-panel" data-testid="identify-panel">
      <header className="panel-header">
        <h2>{t('identify.title')}</h2>
      </header>
      {result.status === 'none' && <p className="empty-note">{t('identify.hint')}</p>}
      {result.status === 'loading' && <p className="empty-note">{t('identify.loading')}</p>}
      {result.status === 'missing' && <p className="empty-note">{t('identify.notFound')}</p>}
      {result.status === 'ok' && (
        <div className="identify-body">
          <div className="identify-title">
            <span className="layer-label">{result.layer.name}</span>
            <span className="muted">
              {t('identify.fid')} {result.fid}
            </span>
          </div>
          <IdentifyActions feature={{ layer: result.layer, fid: result.fid, fields: result.fields, values: result.values }} />
          <h3 className="section-title">{t('identify.area')}</h3>
          {result.area ? (
            <table className="kv area-table" data-testid="identify-area">
              <tbody>
                {areaLines(result.area).map((a) => (
                  <tr key={a.kind} data-kind={a.kind}>
                    <th>
                      {a.kind === 'ellipsoidal'
                        ? t('identify.ellipsoidal')
                        : t('identify.planar', {
                            width: result.area!.zone.width,
                            zone: result.area!.zone.zone,
                            cm: result.area!.zone.centralMeridian,
                          })}
                    </th>
                    <td className="num">
                      <div>
                        {a.m2} {t('unit.m2')}
                      </div>
                      <div>
                        {a.mu} {t('unit.mu')}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">{t('identify.noArea')}</p>
          )}
          {result.area?.boundary === 'repaired' && (
            <p className="msg warning" data-testid="identify-repaired">
              {t('identify.repaired')}
            </p>
          )}
          <h3 className="section-title">{t('identify.attributes')}</h3>
          <table className="kv attr-table" data-testid="identify-attributes">
            <tbody>
              {result.fields.map((f, i) => (
                <tr key={f}>
                  <th>{f}</th>
                  <td>{formatValue(result.values[i], [t('common.yes'), t('common.no')])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The actions other features registered for this feature (开始核查 on a 卫片图斑 …). */
function IdentifyActions({ feature }: { feature: IdentifiedFeature }) {
  const { t } = useI18n();
  const wb = useWorkbench();
  const actions = useStore(identifyActions).filter((a) => !a.when || a.when(feature));
  if (actions.length === 0) return null;
  return (
    <div className="identify-actions" data-testid="identify-actions">
      {actions.map((a) => (
        <button
          key={a.id}
          type="button"
          className="btn small"
          data-testid={a.testId}
          onClick={() => wb.attempt(a.labelKey, () => a.perform(feature, wb.context()))}
        >
          {t(a.labelKey)}
        </button>
      ))}
    </div>
  );
}
