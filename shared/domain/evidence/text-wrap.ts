/**
 * Text on the papers (现场勘测笔录, 责令停止违法行为通知书, the photo captions): widths measured without a DOM, lines
 * wrapped to a width in mm, and a page flow that carries a long paper on to the next sheet with its heading drawn
 * again. Pure: the layouts run in shared/ and in a worker, and the SVG and canvas renderers draw what was decided.
 *
 * Measuring is text-measure.ts's (one rule for the map sheet and the papers: CJK 1 em, Latin ≈ 0.55 em). The papers
 * wrap with wrapLines rather than text-measure's wrapText for two rules of Chinese typesetting a paragraph needs: a
 * paragraph's first-line indent of full-width spaces is kept (wrapText drops leading spaces), and an opening bracket
 * never ends a line (it moves down with what it opens).
 */
import type { Mark } from './sheet-model';
import { isWide, lineHeightMm as measureLineHeightMm, textWidthMm } from './text-measure';

/** Full-width punctuation that may not begin a line (GB/T 15834 practice: it hangs at the end of the line before). */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕…—,.;:?!)%']);
/** Opening brackets that may not end a line. */
const NO_LINE_END = new Set([...'（《「『【〔(']);

/** The text cut into units that do not break inside: a CJK character, or a run of Latin letters/digits. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of text) {
    if (/[A-Za-z0-9.\-_/:#@+]/.test(ch) && !isWide(ch)) {
      word += ch;
      continue;
    }
    if (word) out.push(word);
    word = '';
    out.push(ch);
  }
  if (word) out.push(word);
  return out;
}

/**
 * Lines of `text` that fit `widthMm` at `sizePt`: a newline starts a new line; lines break between CJK characters
 * and between Latin words (a word longer than the line is cut); a closing punctuation mark hangs at the end of the
 * line rather than start the next, an opening one moves down with what it opens. Empty text: one empty line.
 */
export function wrapLines(text: string, widthMm: number, sizePt: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    let lineMm = 0;
    for (const tok of tokens(paragraph)) {
      const w = textWidthMm(tok, sizePt);
      if (lineMm + w <= widthMm + 1e-9 || line === '' || NO_LINE_START.has(tok)) {
        if (w > widthMm && line === '' && tok.length > 1) {
          // A Latin run longer than the line: cut it where it fills the line.
          let rest = tok;
          while (textWidthMm(rest, sizePt) > widthMm) {
            let cut = 1;
            while (cut < rest.length && textWidthMm(rest.slice(0, cut + 1), sizePt) <= widthMm) cut++;
            lines.push(rest.slice(0, cut));
            rest = rest.slice(cut);
          }
          line = rest;
          lineMm = textWidthMm(rest, sizePt);
          continue;
        }
        line += tok;
        lineMm += w;
        continue;
      }
      if (tok === ' ') {
        lines.push(line);
        line = '';
        lineMm = 0;
        continue;
      }
      // An opening bracket at the end of the line moves down with the word it opens.
      const last = [...line].pop() ?? '';
      if (NO_LINE_END.has(last)) {
        lines.push(line.slice(0, line.length - last.length));
        line = last + tok;
      } else {
        lines.push(line.replace(/ +$/, ''));
        line = tok.trimStart();
      }
      lineMm = textWidthMm(line, sizePt);
    }
    lines.push(line.replace(/ +$/, ''));
  }
  return lines;
}

/** Line pitch for a size, mm: 1.5 × the body size by default (a form's comfortable leading; the map sheet's is 1.3). */
export const lineHeightMm = (sizePt: number, leading = 1.5): number => measureLineHeightMm(sizePt, leading);

/** `{name}` placeholders filled from `values` (a missing value leaves the placeholder as written, so it shows). */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

/** The placeholder names a text uses, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((m) => m[1] as string))];
}

/**
 * The page flow of a paper: content placed top-down between `top` and `bottom` (mm) on sheets of marks; when a
 * block does not fit, a new sheet is begun and its heading (`startPage`) drawn again before the block. The layouts
 * decide what a block is (a form row, a paragraph's lines, table rows); the flow only keeps the cursor.
 */
export class PageFlow {
  readonly pages: Mark[][] = [];
  /** The cursor on the current page, mm from the paper's top. */
  y = 0;

  constructor(
    private readonly bottomMm: number,
    /** Draws the page's heading on a new page's marks; returns where the content starts (mm). */
    private readonly startPage: (marks: Mark[], pageIndex: number) => number,
  ) {
    this.newPage();
  }

  get marks(): Mark[] {
    return this.pages[this.pages.length - 1] as Mark[];
  }

  /** Room left on this page, mm. */
  get roomMm(): number {
    return this.bottomMm - this.y;
  }

  newPage(): void {
    const marks: Mark[] = [];
    this.pages.push(marks);
    this.y = this.startPage(marks, this.pages.length - 1);
    this.topMm = this.y;
  }

  /** Where content starts on the current page. */
  private topMm = 0;

  /** Makes sure `heightMm` fits below the cursor (a new page when not, unless the page is still empty). */
  ensure(heightMm: number): void {
    if (this.y + heightMm > this.bottomMm + 1e-9 && !this.atTop()) this.newPage();
  }

  /** Nothing placed on this page yet (a block taller than a page goes on it all the same, never on no page). */
  atTop(): boolean {
    return this.y <= this.topMm + 1e-9;
  }
}
