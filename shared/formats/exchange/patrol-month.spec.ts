import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { amendPatrol, createPatrol, deletePatrol, type Patrol } from '../../domain/patrol/patrol-record';
import { readPatrolMonth, sha256Hex, writePatrolMonth } from './patrol-month';

const day = (d: number, h = 9) => Date.UTC(2026, 10, d, h - 8); // local China time
function patrols(): Patrol[] {
  const a = createPatrol(
    {
      id: 'P1',
      number: 'XC20261103001',
      startedAt: day(3),
      endedAt: day(3, 11),
      officers: [{ name: '王芳', certNo: '鲁370300123' }],
      areaIds: ['a1'],
      route: [
        [
          [117.001, 36.001, day(3)],
          [117.002, 36.003, null],
        ],
      ],
      findings: '杏园村北侧发现新建地基一处，约 300 m²',
      measures: '现场制止，下达《责令停止违法行为通知书》',
    },
    '王芳',
    day(3, 12),
  );
  const amended = amendPatrol(a, { notes: '已拍照 6 张' }, '王芳', day(4));
  const b = deletePatrol(
    createPatrol({ id: 'P2', number: 'XC20261110001', startedAt: day(10), nothingFound: true }, '李强', day(10)),
    '李强',
    day(11),
  );
  return [amended, b];
}

describe('patrol month file', () => {
  it('round trip: the records with their history, deletions included; the hash is SHA-256 of the content', async () => {
    const ps = patrols();
    const text = await writePatrolMonth({ office: '石桥镇国土所', month: '2026-11', patrols: ps }, day(30));
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'landpatrol-patrol-month', version: 1, office: '石桥镇国土所', month: '2026-11', count: 2 });
    const content = JSON.stringify(['landpatrol-patrol-month', 1, '石桥镇国土所', '2026-11', ps]);
    expect(file.sha256).toBe(createHash('sha256').update(content, 'utf8').digest('hex'));
    const back = await readPatrolMonth(text);
    expect(back).toEqual({ ok: true, value: { office: '石桥镇国土所', month: '2026-11', patrols: ps, exportedAt: day(30) } });
    if (back.ok) expect(back.value.patrols[0]!.history.map((h) => h.kind)).toEqual(['created', 'amended']);
  });

  it('a tampered file is refused (one character of a finding changed)', async () => {
    const text = await writePatrolMonth({ office: '石桥镇国土所', month: '2026-11', patrols: patrols() }, day(30));
    const tampered = text.replace('约 300 m²', '约 30 m²');
    expect(tampered).not.toBe(text);
    expect(await readPatrolMonth(tampered)).toMatchObject({ ok: false, reason: 'hashMismatch' });
  });

  it('a bad record is named even when its hash was recomputed; a patrol of another month too', async () => {
    const ps = patrols();
    const bad = [{ ...ps[0]!, number: 'XC-1' }, ps[1]!] as Patrol[];
    const text = await writePatrolMonth({ office: 'o', month: '2026-11', patrols: bad }, 0);
    expect(await readPatrolMonth(text)).toMatchObject({ ok: false, reason: 'badRecord', index: 1, number: 'XC-1', recordReason: 'badNumber' });
    const other = await writePatrolMonth({ office: 'o', month: '2026-10', patrols: ps }, 0);
    expect(await readPatrolMonth(other)).toMatchObject({ ok: false, reason: 'outsideMonth', index: 1, number: 'XC20261103001' });
  });

  it.each([
    ['not JSON', 'nope', 'notJson'],
    ['another format', '{"format":"x"}', 'notPatrolMonth'],
    ['a newer version', '{"format":"landpatrol-patrol-month","version":2}', 'newerVersion'],
    ['no month', '{"format":"landpatrol-patrol-month","version":1,"office":"o","sha256":"","patrols":[]}', 'badHeader'],
  ])('refuses %s', async (_, text, reason) => {
    expect(await readPatrolMonth(text)).toMatchObject({ ok: false, reason });
  });

  it('sha256Hex agrees with node:crypto', async () => {
    const b = new TextEncoder().encode('国土执法巡查');
    expect(await sha256Hex(b)).toBe(createHash('sha256').update(b).digest('hex'));
  });
});
