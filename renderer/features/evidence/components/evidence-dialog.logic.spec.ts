import { describe, expect, it } from 'vitest';
import type { EvidenceTemplate } from '../../../../shared/domain/evidence/template';
import type { Inspection } from '../../../../shared/domain/inspection/inspection-record';
import type { Translate } from '../../../i18n';
import { translate } from '../../../i18n/i18n.logic';
import { CodedError } from '../../../platform/coded-error';
import type { ExportCallbacks, ExportOutcome } from '../export-actions';
import { phaseOfOutcome, rerunComparison, runExport, saveAsTemplate, type DialogPhase } from './evidence-dialog.logic';

const t: Translate = (key, params) => translate('zh-CN', key, params);

/** The dialog's setters, recording what it would show. */
function sinks() {
  const phases: DialogPhase['kind'][] = [];
  const notes: (string | null)[] = [];
  const aborts: (AbortController | null)[] = [];
  return {
    phases,
    notes,
    aborts,
    setPhase: (p: DialogPhase) => phases.push(p.kind === 'exporting' ? (`exporting:${p.step}` as never) : p.kind),
    setNote: (n: string | null) => notes.push(n),
    setAbort: (ac: AbortController | null) => aborts.push(ac),
  };
}

const done: ExportOutcome = {
  ok: true,
  name: '证据-核〔2026〕001号.zip',
  files: [{}, {}, {}, {}, {}] as never,
  manifestJson: '{}',
  bytes: 3_276_800,
  stepsMs: { data: 120.4, png: 1510.6, pdf: 998.2 },
};

describe('runExport', () => {
  it('shows each step as it comes, then the set’s name, file count and size; the step times in whole ms', async () => {
    const s = sinks();
    const end = await runExport(
      async (cb: ExportCallbacks) => {
        cb.onStep('imagery');
        cb.onStep('png');
        cb.onStep('pdf');
        return done;
      },
      s,
      t,
    );
    expect(s.phases).toEqual(['exporting:data', 'exporting:imagery', 'exporting:png', 'exporting:pdf', 'done']);
    expect(end).toEqual({
      kind: 'done',
      text: '已导出 证据-核〔2026〕001号.zip（5 个文件，3.1 MB）。',
      stepsMs: '{"data":120,"png":1511,"pdf":998}',
    });
    expect(s.notes).toEqual([null]);
    // the controller is handed to the dialog while it runs (cancel, close), then taken back
    expect(s.aborts[0]).toBeInstanceOf(AbortController);
    expect(s.aborts.at(-1)).toBeNull();
  });

  it('names a refusal met at export time (was: back to editing without a word)', async () => {
    const s = sinks();
    const end = await runExport(async () => ({ ok: false, refusal: { reason: 'noComparison' } }), s, t);
    expect(end).toEqual({ kind: 'error', text: '无法导出：记录还没有套合结果（图上的面积取自套合）。请先套合。' });
  });

  it('goes back to editing when the user chose no PDF or cancelled; names any other failure', async () => {
    expect(phaseOfOutcome({ ok: false, noPdf: true }, t)).toEqual({ kind: 'edit' });
    const s = sinks();
    expect(
      await runExport(
        async () => {
          throw new CodedError('cancelled');
        },
        s,
        t,
      ),
    ).toEqual({ kind: 'edit' });
    const failed = await runExport(
      async () => {
        throw new CodedError('failed', { detail: '4961 × 3508 px' });
      },
      sinks(),
      t,
    );
    expect(failed.kind).toBe('error');
    expect(failed.kind === 'error' && failed.text.startsWith('导出失败：')).toBe(true);
    expect(s.aborts.at(-1)).toBeNull();
  });

  it('asks for the browser’s PDF and goes on with what the user picked', async () => {
    const s = sinks();
    let asked: ((b: Uint8Array | null) => void) | null = null;
    const setPhase = (p: DialogPhase) => {
      if (p.kind === 'askPdf') asked = p.resolve;
      s.setPhase(p);
    };
    const running = runExport(
      async (cb) => {
        const pdf = await cb.askForPdf();
        return pdf && pdf.length === 3 ? done : { ok: false, noPdf: true };
      },
      { ...s, setPhase },
      t,
    );
    await Promise.resolve();
    expect(s.phases.at(-1)).toBe('askPdf');
    asked!(new Uint8Array([0x25, 0x50, 0x44]));
    expect((await running).kind).toBe('done');
  });
});

describe('rerunComparison', () => {
  const record = { id: 'r1' } as Inspection;
  const rs = () => {
    const log: string[] = [];
    return {
      log,
      setRerunning: (on: boolean) => log.push(`rerunning:${on}`),
      setNote: (n: string | null) => log.push(`note:${n}`),
      rerunDone: (r: Inspection) => log.push(`done:${r.id}`),
      showPanel: () => log.push('panel'),
    };
  };

  it('shows the record panel when no save is at hand for the record', async () => {
    const s = rs();
    await rerunComparison(null, s, t);
    expect(s.log).toEqual(['panel']);
  });

  it('runs, stores and shows the record again; a failure is said and the button comes back, even on a throw', async () => {
    const ok = rs();
    await rerunComparison(async () => ({ ok: true, record }), ok, t);
    expect(ok.log).toEqual(['rerunning:true', 'rerunning:false', 'done:r1']);
    const no = rs();
    await rerunComparison(async () => ({ ok: false, text: '图层未载入' }), no, t);
    expect(no.log).toEqual(['rerunning:true', 'rerunning:false', 'note:重新套合未完成：图层未载入']);
    const threw = rs();
    await rerunComparison(
      async () => {
        throw new CodedError('failed', { detail: 'x' });
      },
      threw,
      t,
    );
    expect(threw.log[1]).toBe('rerunning:false');
    expect(threw.log[2]!.startsWith('note:重新套合未完成：')).toBe(true);
  });
});

describe('saveAsTemplate', () => {
  it('keeps the saved template and says so; a failure is said', async () => {
    const got: (EvidenceTemplate | string)[] = [];
    const tpl = { version: 1 } as unknown as EvidenceTemplate;
    await saveAsTemplate(async () => tpl, { setTemplate: (x) => got.push(x), setNote: (n) => got.push(n) }, t);
    expect(got).toEqual([tpl, '已保存为本所模板：以后导出证据时默认采用这些设置。']);
    const failed: string[] = [];
    await saveAsTemplate(
      async () => {
        throw new CodedError('failed', { detail: 'quota' });
      },
      { setTemplate: () => failed.push('kept'), setNote: (n) => failed.push(n) },
      t,
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]!.startsWith('模板未保存：')).toBe(true);
  });
});
