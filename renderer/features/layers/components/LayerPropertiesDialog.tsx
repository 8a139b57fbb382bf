import { useState } from 'react';
import { Dialog } from '../../../ui/Dialog';
import { SelectField, type SelectOption } from '../../../ui/fields';
import type { LayerRecord } from '../../../db';
import { formatNumber, useI18n, type Lang, type MessageKey } from '../../../i18n';
import { errorText } from '../../../platform/coded-error';
import { safeFormatIssue } from '../../import';
import { previewEncoding, redecodeLayer } from '../layer-jobs-client';

const ENCODINGS = ['utf-8', 'gbk', 'gb18030', 'big5'] as const;
/** The encodings offered; the layer's own first when it is none of them (a stored record from another detector). */
const encodingOptions = (current: string): SelectOption<string>[] =>
  [...(ENCODINGS.some((e) => e === current) ? [] : [current]), ...ENCODINGS].map((e) => ({ value: e, label: e }));

type Preview = { encoding: string; fields: string[]; rows: string[][] } | null;

export function LayerPropertiesDialog({ layer, onClose, onChanged }: { layer: LayerRecord; onClose: () => void; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const m = layer.meta;
  const [encoding, setEncoding] = useState(m.encoding.encoding);
  const [preview, setPreview] = useState<Preview>(null);
  const [busy, setBusy] = useState<MessageKey | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = (previewOnly: boolean) => {
    setBusy(previewOnly ? 'props.previewing' : 'props.redecoding');
    setError(null);
    const job = previewOnly
      ? previewEncoding(layer.id, encoding).then((p) => setPreview({ encoding, ...(p ?? { fields: [], rows: [] }) }))
      : redecodeLayer(layer.id, encoding).then(() => onChanged());
    void job.catch((e: unknown) => setError(errorText(e, t))).finally(() => setBusy(null));
  };

  const row = (k: MessageKey, v: string) => (
    <tr>
      <th>{t(k)}</th>
      <td>{v}</td>
    </tr>
  );
  return (
    <Dialog title={t('props.title', { name: layer.name })} onClose={onClose} wide testId="layer-properties">
      <table className="kv">
        <tbody>
          {row('props.source', m.source || '—')}
          {row('props.geometry', `${t(`geom.${m.geometryKind}`)} (${m.shapeType || '—'})`)}
          {row('props.featureCount', formatNumber(lang, m.featureCount))}
          {row('props.encoding', `${m.encoding.encoding} — ${t(`encSource.${m.encoding.source}`)}`)}
          {row('props.crs', `${m.crs.label} — ${t(`crsSource.${m.crs.source}`)}`)}
          {row('props.fields', m.fields.map((f) => f.name).join(', ') || '—')}
        </tbody>
      </table>
      {m.issues.length > 0 && <IssueList issues={m.issues} lang={lang} />}
      {!layer.sample && (
        <fieldset className="encoding-box">
          <legend>{t('props.changeEncoding')}</legend>
          <div className="row">
            <SelectField
              label={t('props.encoding')}
              hideLabel
              testId="encoding-select"
              options={encodingOptions(m.encoding.encoding)}
              value={encoding}
              onChange={setEncoding}
            />
            <button className="btn" disabled={!!busy} onClick={() => run(true)}>
              {t('props.preview')}
            </button>
            <button className="btn primary" disabled={!!busy} onClick={() => run(false)}>
              {t('props.applyEncoding')}
            </button>
            {busy && <span className="muted">{t(busy)}</span>}
          </div>
          {error && <p className="msg error">{error}</p>}
          {preview &&
            (preview.fields.length === 0 ? (
              <p className="muted">{t('props.previewEmpty')}</p>
            ) : (
              <div className="preview-scroll">
                <table className="grid small" data-testid="encoding-preview" data-encoding={preview.encoding}>
                  <thead>
                    <tr>
                      {preview.fields.map((f) => (
                        <th key={f}>{f}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rows.map((r, i) => (
                      <tr key={i}>
                        {r.map((v, j) => (
                          <td key={j}>{v}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
        </fieldset>
      )}
    </Dialog>
  );
}

function IssueList({ issues, lang }: { issues: LayerRecord['meta']['issues']; lang: Lang }) {
  return (
    <ul className="issues">
      {issues.map((i, k) => (
        <li key={k} className={`msg ${i.severity}`}>
          {safeFormatIssue(i, lang)}
        </li>
      ))}
    </ul>
  );
}
