import { describe, expect, it } from 'vitest';
import { createSourceFilesRecord, migrateSourceFiles, restoreSourceFiles, validateSourceFiles } from './source-files-record';

// A v2 record as the schema-2 app stored it (renderer/db/records.ts at a6957d7): no `v`.
const v2Record = { layerId: 'L1', files: [{ path: 'county.zip', bytes: new Uint8Array([80, 75, 3, 4]) }] };

describe('source files record', () => {
  it('migrates a v2 record to v3 and validates it unchanged', () => {
    const m = migrateSourceFiles(v2Record, 2);
    expect(m).toEqual({ ok: true, value: { ...v2Record, v: 3 } });
    expect(validateSourceFiles(m.ok && m.value)).toEqual({ ok: true, value: { ...v2Record, v: 3 } });
    expect(restoreSourceFiles(v2Record)).toEqual({ ok: true, value: { ...v2Record, v: 3 } });
  });
  it('drops entries without bytes and says so', () => {
    expect(restoreSourceFiles({ ...v2Record, files: [...v2Record.files, { path: 'notes.txt' }, { path: 'a.shp', bytes: [1] }] })).toEqual({
      ok: true,
      value: { ...v2Record, v: 3 },
      repaired: [{ path: 'files', code: 'filtered' }],
    });
  });
  it.each([
    [null, 'notObject'],
    [{ ...v2Record, layerId: '' }, 'missingLayerId'],
    [{ ...v2Record, files: 'none' }, 'badFiles'],
    [{ ...v2Record, v: 9 }, 'badVersion'],
  ])('rejects %j (%s)', (raw, reason) => {
    expect(restoreSourceFiles(raw)).toMatchObject({ ok: false, reason });
  });
  it('the factory stamps the version and refuses an empty layer id', () => {
    expect(createSourceFilesRecord(v2Record)).toEqual({ ...v2Record, v: 3 });
    expect(() => createSourceFilesRecord({ ...v2Record, layerId: '' })).toThrow(RangeError);
  });
});
