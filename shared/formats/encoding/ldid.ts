// LDID (Language Driver ID): DBF header byte 29. Table from the ESRI ArcPad Reference Guide ("Language
// Driver IDs and code pages") as implemented in GDAL ogr/ogrsf_frmts/shape/ogrshapelayer.cpp
// (GetEncodingFromLDID). Only entries a WHATWG TextDecoder can decode are listed; DOS OEM pages (437, 850 …)
// are not in the Encoding Standard and return null, so content sniffing decides.
const LDID_ENCODING: Record<number, string> = {
  0x03: 'windows-1252', // Windows ANSI Latin I
  0x13: 'shift_jis', // 19: Japanese Shift-JIS (932)
  0x26: 'ibm866', // 38: Russian OEM
  0x4d: 'gbk', // 77: Chinese GBK (PRC), code page 936 — what ArcGIS writes on Chinese Windows
  0x4e: 'euc-kr', // 78: Korean (949)
  0x4f: 'big5', // 79: Chinese Big5 (Taiwan), 950
  0x50: 'windows-874', // 80: Thai
  0x57: 'windows-1252', // 87: "current ANSI code page" — weak evidence, see LDID_WEAK
  0x58: 'windows-1252', // 88: Western European ANSI
  0x59: 'windows-1252', // 89: Spanish ANSI
  0x65: 'ibm866', // 101: Russian MS-DOS
  0x78: 'big5', // 120: Chinese Big5 (Taiwan) Windows
  0x79: 'euc-kr', // 121: Korean Windows (949)
  0x7a: 'gbk', // 122: Chinese GBK (PRC) Windows (936)
  0x7b: 'shift_jis', // 123: Japanese Windows (932)
  0x7c: 'windows-874', // 124: Thai Windows
  0xc8: 'windows-1250', // 200: Eastern European Windows
  0xc9: 'windows-1251', // 201: Russian Windows
  0xca: 'windows-1254', // 202: Turkish Windows
  0xcb: 'windows-1253', // 203: Greek Windows
  0xcc: 'windows-1257', // 204: Baltic Windows
};

/**
 * LDIDs that name a single-byte western page but in practice mean "whatever the writer's Windows used":
 * 0x57 is literally "current ANSI" and 0x03 is the dBASE default many tools write blindly. On a Chinese
 * machine the bytes behind them are GBK, so content that is clearly multi-byte overrides them.
 */
const LDID_WEAK = new Set([0x03, 0x57]);

/** WHATWG encoding for an LDID byte, or null for 0x00 ("not set") and pages we cannot decode. */
export function ldidToEncoding(ldid: number): string | null {
  return LDID_ENCODING[ldid] ?? null;
}

/** True when the LDID is too generic to overrule what the bytes say (see LDID_WEAK). */
export function isWeakLdid(ldid: number): boolean {
  return LDID_WEAK.has(ldid);
}
