import { useRef } from 'react';
import type { PatrolAttachment } from '../../../../shared/domain/patrol/patrol-record';
import { getAttachment } from '../../../db';
import { formatNumber, useI18n } from '../../../i18n';
import { saveBytes } from '../../../platform/platform';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { addFiles, formState, removeNewFile, setDraft } from '../patrol-form-state';

const kb = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

/** 附件: files kept with the patrol, stored once by their SHA-256 when the patrol is saved. */
export function AttachmentsField() {
  const { t, lang } = useI18n();
  const wb = useWorkbench();
  const form = useStore(formState);
  const input = useRef<HTMLInputElement>(null);
  if (!form) return null;
  const stored = form.draft.attachments;
  // The stored bytes, found by their hash: saved under the name this patrol gave them.
  const saveCopy = (a: PatrolAttachment) =>
    wb.attempt('patrol.attachment.save', async () => {
      const rec = await getAttachment(a.sha256);
      if (!rec) throw new Error(t('patrol.attachment.missing', { name: a.name }));
      const ext = /\.([^.]+)$/.exec(a.name)?.[1] ?? 'bin';
      await saveBytes(a.name, new Uint8Array(await rec.data.arrayBuffer()), a.mime || 'application/octet-stream', a.name, ext);
    });
  return (
    <fieldset className="patrol-section" data-testid="patrol-attachments">
      <legend>{t('patrol.field.attachments')}</legend>
      <ul className="patrol-files">
        {stored.map((a) => (
          <li key={a.sha256} data-testid="patrol-attachment" data-sha256={a.sha256}>
            {a.name} <span className="muted">{t('patrol.attachment.size', { kb: formatNumber(lang, kb(a.size)) })}</span>{' '}
            <code className="muted" title={`SHA-256 ${a.sha256}`}>
              {a.sha256.slice(0, 12)}…
            </code>{' '}
            <button type="button" className="btn small" data-testid="patrol-attachment-save" onClick={() => saveCopy(a)}>
              {t('patrol.attachment.save')}
            </button>{' '}
            <button type="button" className="btn small" onClick={() => setDraft({ attachments: stored.filter((x) => x !== a) })}>
              {t('patrol.attachment.remove')}
            </button>
          </li>
        ))}
        {form.newFiles.map((f, i) => (
          <li key={`new-${i}`} data-testid="patrol-attachment-new">
            {f.name}{' '}
            <span className="muted">
              {t('patrol.attachment.size', { kb: formatNumber(lang, kb(f.size)) })} · {t('patrol.attachment.onSave')}
            </span>{' '}
            <button type="button" className="btn small" onClick={() => removeNewFile(i)}>
              {t('patrol.attachment.remove')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="btn small" data-testid="patrol-attachment-add" onClick={() => input.current?.click()}>
        {t('patrol.attachment.add')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="patrol-attachment-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length) addFiles(files);
        }}
      />
    </fieldset>
  );
}
