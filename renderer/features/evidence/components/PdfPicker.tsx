/** The browser build's second half of 导出: the PDF the user saved from the print dialog, picked so the set holds it. */
import { useState } from 'react';
import { useI18n } from '../../../i18n';

const isPdf = (b: Uint8Array) => b.length > 4 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46; // %PDF

export function PdfPicker({ onPicked, onSkip }: { onPicked: (bytes: Uint8Array) => void; onSkip: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="evidence-pdf-picker msg info" data-testid="evidence-pdf-picker">
      <p>{t('evidence.browser.pickPdfHint')}</p>
      <label className="btn primary">
        {t('evidence.browser.pickPdf')}
        <input
          type="file"
          accept="application/pdf,.pdf"
          hidden
          data-testid="evidence-pdf-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (!f) return;
            void f.arrayBuffer().then((buf) => {
              const bytes = new Uint8Array(buf);
              if (isPdf(bytes)) onPicked(bytes);
              else setError(t('evidence.browser.notPdf', { name: f.name }));
            });
          }}
        />
      </label>
      <button type="button" className="btn" data-testid="evidence-pdf-skip" onClick={onSkip}>
        {t('evidence.browser.skip')}
      </button>
      {error && <p className="msg error small">{error}</p>}
    </div>
  );
}
