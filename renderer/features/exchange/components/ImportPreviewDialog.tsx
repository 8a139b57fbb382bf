import { useI18n } from '../../../i18n';
import { Dialog } from '../../../ui/Dialog';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { gridState } from '../../grid';
import { fieldNames, levelCounts } from '../exchange.logic';
import { confirmImport } from '../exchange-import';
import { exchangeState, openDialog, type ExchangeDialog } from '../exchange-state';

/** How many rows of each list are drawn; the rest are counted (a county's grid has thousands of cells). */
const SHOWN = 200;

interface Row {
  key: string;
  text: string;
  note?: string;
}

function Section({ title, rows, testId }: { title: string; rows: Row[]; testId: string }) {
  const { t } = useI18n();
  if (rows.length === 0) return null;
  return (
    <section data-testid={testId}>
      <h4 className="section-title">
        {title}（{rows.length}）
      </h4>
      <ul className="issues">
        {rows.slice(0, SHOWN).map((r) => (
          <li key={r.key} data-testid="exchange-preview-row">
            {r.text}
            {r.note && <span className="muted small"> — {r.note}</span>}
          </li>
        ))}
        {rows.length > SHOWN && <li className="muted">{t('exchange.import.more', { count: rows.length - SHOWN })}</li>}
      </ul>
    </section>
  );
}

/** The preview of an import: what is new, what is already here, what conflicts (with the fields), before anything is stored. */
export function ImportPreviewDialog({ dialog: d }: { dialog: Extract<ExchangeDialog, { kind: 'gridPreview' | 'patrolPreview' }> }) {
  const { t } = useI18n();
  const wb = useWorkbench();
  const { busy } = useStore(exchangeState);
  const { areas: stored } = useStore(gridState);
  const close = () => openDialog(null);
  const level = (l: string) => t(`grid.level.${l}` as 'grid.level.cell');
  let added: Row[];
  let same: Row[];
  let conflicts: Row[];
  let summary: string;
  let notes: string[] = [];
  let levels = '';
  if (d.kind === 'gridPreview') {
    const p = d.plan;
    added = p.added.map((a) => ({
      key: a.id,
      text: `${a.name}（${level(a.level)}）`,
      ...(a.people.length ? { note: a.people.map((x) => x.name).join('、') } : {}),
    }));
    same = p.same.map((s) => ({ key: s.incoming.id, text: `${s.incoming.name}（${level(s.incoming.level)}）` }));
    conflicts = p.conflicts.map((c) => ({
      key: c.incoming.id,
      text: `${c.incoming.name}（${level(c.incoming.level)}）`,
      note:
        t('exchange.import.fields', { fields: fieldNames(t, c.fields) }) +
        (c.stored.name !== c.incoming.name ? t('exchange.import.storedAs', { name: c.stored.name }) : ''),
    }));
    summary = t('exchange.import.summary', { added: added.length, same: same.length, conflicts: conflicts.length });
    if (p.added.length > 0) levels = t('exchange.import.levels', { levels: levelCounts(t, p.added) });
    // The new parent is a county already stored here (or one being added).
    const names = new Map([...stored, ...p.added].map((a) => [a.id as string, a.name]));
    notes = p.reparented.map((r) =>
      t('exchange.import.reparented', {
        name: r.area.name,
        parent: r.parentId === null ? t('exchange.import.top') : `“${names.get(r.parentId) ?? r.parentId}”`,
      }),
    );
  } else {
    const p = d.plan;
    const row = (x: { id: string; number: string; date: string; officers: { name: string }[] }) => ({
      key: x.id,
      text: `${x.number}  ${x.date}`,
      ...(x.officers.length ? { note: x.officers.map((o) => o.name).join('、') } : {}),
    });
    added = p.added.map(row);
    same = p.same.map(row);
    conflicts = p.conflicts.map((c) => ({ ...row(c.incoming), note: t('exchange.import.fields', { fields: t('exchange.field.record') }) }));
    summary = t('exchange.import.patrolSummary', { month: d.month, added: added.length, same: same.length, conflicts: conflicts.length });
  }
  const office = d.office;
  return (
    <Dialog
      title={d.kind === 'gridPreview' ? t('exchange.import.gridTitle', { file: d.file }) : t('exchange.import.patrolTitle', { file: d.file })}
      onClose={close}
      wide
      testId="exchange-preview"
      footer={
        <>
          <button className="btn" onClick={close}>
            {t('exchange.cancel')}
          </button>
          <button
            className="btn primary"
            data-testid="exchange-import-run"
            disabled={busy || added.length === 0}
            onClick={() => void confirmImport(d, wb.notices, t)}
          >
            {added.length === 0
              ? t('exchange.import.nothing')
              : t(d.kind === 'gridPreview' ? 'exchange.import.run' : 'exchange.import.runPatrols', { count: added.length })}
          </button>
        </>
      }
    >
      {office && <p className="muted">{t('exchange.import.from', { office })}</p>}
      <p className="msg info" data-testid="exchange-preview-summary">
        {summary}
      </p>
      {levels && (
        <p className="muted" data-testid="exchange-preview-levels">
          {levels}
        </p>
      )}
      {notes.map((n) => (
        <p key={n} className="msg warning" data-testid="exchange-preview-note">
          {n}
        </p>
      ))}
      <Section title={t('exchange.import.conflicts')} rows={conflicts} testId="exchange-preview-conflicts" />
      <Section title={t('exchange.import.added')} rows={added} testId="exchange-preview-added" />
      <Section title={t('exchange.import.same')} rows={same} testId="exchange-preview-same" />
    </Dialog>
  );
}
