// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the tests tsconfig includes specs only: this brings the FacadeVFS declaration with the module
/// <reference path="./wa-sqlite.d.ts" />
/**
 * A read-only SQLite VFS over byte ranges (wa-sqlite's FacadeVFS): SQLite asks for the pages it needs and gets them
 * from `read(offset, length)`, so an MBTiles of several GB is never loaded whole. The reader is synchronous (the
 * wa-sqlite build without Asyncify, a third smaller and faster): in a worker it is FileReaderSync over Blob.slice,
 * in node fs.readSync. Files are opened immutable (no locks, no journal looked for).
 */
import { FacadeVFS } from '@journeyapps/wa-sqlite/src/FacadeVFS.js';
import * as VFS from '@journeyapps/wa-sqlite/src/VFS.js';

export interface RangeSource {
  size: number;
  /** Exactly `length` bytes from `offset` (offset + length ≤ size). */
  read(offset: number, length: number): Uint8Array;
}

export class BlobRangeVFS extends FacadeVFS {
  private files = new Map<string, RangeSource>();
  private open = new Map<number, RangeSource>();
  /** Bytes read so far (the bench and the tests report them). */
  bytesRead = 0;

  constructor(name: string, module: unknown) {
    super(name, module);
  }

  /** Makes `source` openable as `file:<name>?immutable=1`. */
  add(name: string, source: RangeSource): void {
    this.files.set(name, source);
  }

  remove(name: string): void {
    this.files.delete(name);
  }

  override jOpen(filename: string | null, fileId: number, flags: number, pOutFlags: DataView): number {
    // FacadeVFS hands the URI's parameters on after a '?'.
    const source = filename ? this.files.get(filename.replace(/^\//, '').replace(/\?.*$/, '')) : undefined;
    if (!source || flags & VFS.SQLITE_OPEN_READWRITE || flags & VFS.SQLITE_OPEN_CREATE) return VFS.SQLITE_CANTOPEN;
    this.open.set(fileId, source);
    pOutFlags.setInt32(0, VFS.SQLITE_OPEN_READONLY, true);
    return VFS.SQLITE_OK;
  }

  override jClose(fileId: number): number {
    this.open.delete(fileId);
    return VFS.SQLITE_OK;
  }

  override jRead(fileId: number, pData: Uint8Array, iOffset: number): number {
    const source = this.open.get(fileId);
    if (!source) return VFS.SQLITE_IOERR;
    const end = Math.min(iOffset + pData.byteLength, source.size);
    const n = Math.max(0, end - iOffset);
    try {
      if (n > 0) pData.set(source.read(iOffset, n));
    } catch {
      return VFS.SQLITE_IOERR;
    }
    this.bytesRead += n;
    if (n < pData.byteLength) {
      pData.fill(0, n);
      return VFS.SQLITE_IOERR_SHORT_READ;
    }
    return VFS.SQLITE_OK;
  }

  override jWrite(): number {
    return VFS.SQLITE_READONLY;
  }

  override jFileSize(fileId: number, pSize64: DataView): number {
    const source = this.open.get(fileId);
    if (!source) return VFS.SQLITE_IOERR;
    pSize64.setBigInt64(0, BigInt(source.size), true);
    return VFS.SQLITE_OK;
  }

  override jAccess(_name: string, _flags: number, pResOut: DataView): number {
    // No -journal or -wal beside a package: immutable files never look, but say so anyway.
    pResOut.setInt32(0, 0, true);
    return VFS.SQLITE_OK;
  }
}
