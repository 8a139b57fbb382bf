/**
 * Text width on the evidence sheets without a font at hand (the layout is pure: no canvas to measure with). The
 * sheets print in Noto Sans CJK SC (and its stand-ins), where every CJK ideograph, kana and full-width form is one
 * em wide, and Latin letters, digits and ASCII punctuation average about 0.55 em. So a line of text is
 *   width (mm) = Σ (1 em for a wide character, 0.55 em otherwise) × size (pt) × 25.4 / 72.
 * The estimate is on the safe side for digits (Noto's tabular digits are 0.55 em) and slightly wide for narrow
 * Latin letters (i, l, t), which only leaves a little room at a line's end. Both the map sheet and the papers
 * (E-B) wrap with it, so a text never overruns the cell it was laid out for.
 */
import { MM_PER_PT, type FontPt } from './sheet-model';

/** The width of a CJK ideograph / full-width character, em. */
export const WIDE_EM = 1;
/** The average width of a Latin letter, digit or ASCII punctuation, em. */
export const NARROW_EM = 0.55;

/** Whether a character (one code point) is set one em wide: CJK, kana, Hangul, full-width forms, CJK punctuation. */
export function isWide(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x1100 && c <= 0x115f) || // Hangul Jamo
    (c >= 0x2e80 && c <= 0x303f) || // CJK radicals, Kangxi, CJK symbols and punctuation (、。「」 …)
    (c >= 0x3040 && c <= 0x33ff) || // kana, bopomofo, CJK compatibility
    (c >= 0x3400 && c <= 0x4dbf) || // CJK extension A
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0xac00 && c <= 0xd7a3) || // Hangul syllables
    (c >= 0xf900 && c <= 0xfaff) || // CJK compatibility ideographs
    (c >= 0xfe30 && c <= 0xfe4f) || // CJK compatibility forms
    (c >= 0xff00 && c <= 0xff60) || // full-width forms （，：）
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3fffd) // CJK extensions B…
  );
}

/** The width of a text in em (no line breaks considered). */
export function textWidthEm(text: string): number {
  let em = 0;
  for (const ch of text) em += isWide(ch) ? WIDE_EM : NARROW_EM;
  return em;
}

/** The width of a one-line text at a size, mm. */
export const textWidthMm = (text: string, sizePt: FontPt): number => textWidthEm(text) * sizePt * MM_PER_PT;

/** The height of one line at a size, mm (1.3 × the size: the sheets' line pitch). */
export const lineHeightMm = (sizePt: FontPt, leading = 1.3): number => sizePt * MM_PER_PT * leading;

/** Characters that must not begin a line (closing punctuation): they stay on the line before, even past its end. */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…—,.;:?!)]}%']);

/**
 * A text broken into lines no wider than `maxWidthMm` at `sizePt`: at any point between two wide characters, at
 * spaces between Latin words (a word longer than a line is broken inside), and at the text's own line breaks.
 * Closing punctuation never starts a line. Trailing spaces are dropped; an empty text is one empty line.
 */
export function wrapText(text: string, sizePt: FontPt, maxWidthMm: number): string[] {
  const maxEm = maxWidthMm / (sizePt * MM_PER_PT);
  const out: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    // Tokens: one wide character each, a run of narrow non-space characters, or a run of spaces.
    const tokens = para.match(/[\u0020\t]+|[^\u0020\t]/gu) ?? [];
    const merged: string[] = [];
    for (const t of tokens) {
      const last = merged[merged.length - 1];
      const narrowWord = (s: string) => s.length > 0 && !/\s/.test(s) && ![...s].some(isWide);
      if (last !== undefined && narrowWord(t) && narrowWord(last)) merged[merged.length - 1] = last + t;
      else merged.push(t);
    }
    let line = '';
    let lineEm = 0;
    const flush = () => {
      out.push(line.replace(/\s+$/u, ''));
      line = '';
      lineEm = 0;
    };
    for (const tok of merged) {
      const w = textWidthEm(tok);
      if (/^\s+$/u.test(tok)) {
        if (line !== '') {
          line += tok;
          lineEm += w;
        }
        continue;
      }
      if (lineEm + w <= maxEm + 1e-9) {
        line += tok;
        lineEm += w;
        continue;
      }
      if (NO_LINE_START.has(tok) && line !== '') {
        line += tok;
        lineEm += w;
        continue;
      }
      if (line.trim() !== '') flush();
      else {
        line = '';
        lineEm = 0;
      }
      if (w <= maxEm + 1e-9) {
        line = tok;
        lineEm = w;
        continue;
      }
      // A word longer than a line: broken where it must be.
      for (const ch of tok) {
        const cw = textWidthEm(ch);
        if (lineEm + cw > maxEm + 1e-9 && line !== '') flush();
        line += ch;
        lineEm += cw;
      }
    }
    out.push(line.replace(/\s+$/u, ''));
  }
  return out;
}
