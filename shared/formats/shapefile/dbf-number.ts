// N/F field values are right-aligned ASCII: "   12.50", "-3", "1.50000000000e+001" (ArcGIS writes
// exponents), "*****" (dBASE overflow marker), blanks for null. We parse straight from the bytes: for up to
// 15 significant digits and |exponent| ≤ 22 both the digit integer and 10^k are exact doubles, so one IEEE
// multiply/divide gives the correctly rounded value — the same double parseFloat returns (Clinger's fast
// path). Anything longer falls back to parseFloat on the text.

const POW10: number[] = [];
for (let k = 0, p = 1; k <= 22; k++, p *= 10) POW10.push(p);

function slowParse(bytes: Uint8Array, start: number, end: number): number | null {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i] as number);
  const v = Number(s.trim().replace(',', '.'));
  return Number.isFinite(v) ? v : null;
}

/** Parses bytes[start, end) as a dBASE number; null for blank, overflow ('*') and unreadable text. */
export function parseDbfNumber(bytes: Uint8Array, start: number, end: number): number | null {
  let i = start;
  let e = end;
  while (i < e && (bytes[i] === 0x20 || bytes[i] === 0)) i++;
  while (e > i && (bytes[e - 1] === 0x20 || bytes[e - 1] === 0)) e--;
  if (i === e) return null;
  let neg = false;
  let c = bytes[i] as number;
  if (c === 0x2d || c === 0x2b) {
    neg = c === 0x2d;
    i++;
  }
  let mant = 0;
  let digits = 0;
  let fracDigits = 0;
  let seenDot = false;
  let exp = 0;
  const digitsStart = i;
  for (; i < e; i++) {
    c = bytes[i] as number;
    if (c >= 0x30 && c <= 0x39) {
      if (mant !== 0 || c !== 0x30) digits++;
      mant = mant * 10 + (c - 0x30);
      if (seenDot) fracDigits++;
    } else if ((c === 0x2e || c === 0x2c) && !seenDot) {
      seenDot = true; // ',' as decimal separator: written by some European-locale tools
    } else break;
  }
  if (i === digitsStart || (seenDot && i === digitsStart + 1)) {
    return null; // no digits at all: '*****' overflow, '.', '-' or junk
  }
  if (i < e) {
    c = bytes[i] as number;
    if (c !== 0x65 && c !== 0x45) return null; // trailing junk after the number
    i++;
    let expNeg = false;
    if (i < e && (bytes[i] === 0x2d || bytes[i] === 0x2b)) {
      expNeg = bytes[i] === 0x2d;
      i++;
    }
    const expStart = i;
    for (; i < e; i++) {
      c = bytes[i] as number;
      if (c < 0x30 || c > 0x39) return null;
      exp = exp * 10 + (c - 0x30);
      if (exp > 400) return slowParse(bytes, start, end);
    }
    if (i === expStart) return null;
    if (expNeg) exp = -exp;
  }
  const scale = exp - fracDigits;
  if (digits > 15 || scale > 22 || scale < -22) return slowParse(bytes, start, end);
  let v = mant;
  if (scale > 0) v *= POW10[scale] as number;
  else if (scale < 0) v /= POW10[-scale] as number;
  return neg ? -v : v;
}
