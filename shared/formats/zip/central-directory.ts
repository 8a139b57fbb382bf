// ZIP central directory (PKWARE APPNOTE.TXT 6.3.x): we read it ourselves rather than through fflate's
// unzipSync so that we see the raw name bytes (GBK names from Chinese Windows carry no UTF-8 flag), the
// declared sizes before inflating anything (zip-bomb guard), and can inflate member by member with a budget.

export interface ZipEntry {
  /** Name bytes as stored. */
  nameBytes: Uint8Array;
  /** General purpose flag bit 11 (0x0800): the name is UTF-8. */
  utf8Flag: boolean;
  /** Info-ZIP Unicode Path extra field (0x7075), when present: the UTF-8 name. */
  unicodePath: Uint8Array | null;
  /** Bit 0: encrypted. We cannot read encrypted members. */
  encrypted: boolean;
  /** 0 stored, 8 deflate (APPNOTE 4.4.5). */
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type CentralDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string };

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CDIR_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const U32_MAX = 0xffffffff;

function u64(v: DataView, at: number): number {
  // Sizes beyond 2^53 are not real files; the limit check rejects them anyway.
  return v.getUint32(at, true) + v.getUint32(at + 4, true) * 2 ** 32;
}

export function readCentralDirectory(zip: Uint8Array): CentralDirectory {
  if (zip.length < 22) return { ok: false, reason: 'short' };
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // End of central directory: 22 bytes + a comment of up to 65535 bytes, so search that far back.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (v.getUint32(i, true) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'noEndRecord' };
  let count = v.getUint16(eocd + 10, true);
  let cdOffset = v.getUint32(eocd + 16, true);
  if ((count === 0xffff || cdOffset === U32_MAX) && eocd >= 20 && v.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIG) {
    const z64 = u64(v, eocd - 20 + 8);
    if (z64 + 56 > zip.length || v.getUint32(z64, true) !== ZIP64_EOCD_SIG) return { ok: false, reason: 'zip64' };
    count = u64(v, z64 + 32);
    cdOffset = u64(v, z64 + 48);
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > zip.length || v.getUint32(p, true) !== CDIR_SIG) return { ok: false, reason: 'centralDirectory' };
    const flags = v.getUint16(p + 8, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    if (p + 46 + nameLen + extraLen > zip.length) return { ok: false, reason: 'centralDirectory' };
    const entry: ZipEntry = {
      nameBytes: zip.subarray(p + 46, p + 46 + nameLen),
      utf8Flag: (flags & 0x0800) !== 0,
      unicodePath: null,
      encrypted: (flags & 0x0001) !== 0,
      method: v.getUint16(p + 10, true),
      crc32: v.getUint32(p + 16, true),
      compressedSize: v.getUint32(p + 20, true),
      uncompressedSize: v.getUint32(p + 24, true),
      localHeaderOffset: v.getUint32(p + 42, true),
    };
    readExtras(v, p + 46 + nameLen, p + 46 + nameLen + extraLen, entry);
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, entries };
}

/** ZIP64 sizes (0x0001) and the Info-ZIP Unicode Path (0x7075) from an extra-field block. */
function readExtras(v: DataView, start: number, end: number, e: ZipEntry): void {
  let q = start;
  while (q + 4 <= end) {
    const id = v.getUint16(q, true);
    const size = v.getUint16(q + 2, true);
    const body = q + 4;
    if (body + size > end) return;
    if (id === 0x0001) {
      // Only the fields whose 32-bit slot is 0xFFFFFFFF appear, in this order (APPNOTE 4.5.3).
      let r = body;
      if (e.uncompressedSize === U32_MAX && r + 8 <= body + size) {
        e.uncompressedSize = u64(v, r);
        r += 8;
      }
      if (e.compressedSize === U32_MAX && r + 8 <= body + size) {
        e.compressedSize = u64(v, r);
        r += 8;
      }
      if (e.localHeaderOffset === U32_MAX && r + 8 <= body + size) e.localHeaderOffset = u64(v, r);
    } else if (id === 0x7075 && size > 5 && v.getUint8(body) === 1) {
      e.unicodePath = new Uint8Array(v.buffer, v.byteOffset + body + 5, size - 5);
    }
    q = body + size;
  }
}

/** Where a member's compressed data starts (after its local header), or -1 when the header is not there. */
export function dataStart(zip: Uint8Array, e: ZipEntry): number {
  const at = e.localHeaderOffset;
  if (at + 30 > zip.length) return -1;
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  if (v.getUint32(at, true) !== LOCAL_SIG) return -1;
  const start = at + 30 + v.getUint16(at + 26, true) + v.getUint16(at + 28, true);
  return start + e.compressedSize > zip.length ? -1 : start;
}
