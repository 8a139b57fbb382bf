/**
 * The one file-name rule: every name the app writes or proposes (saveFile's suggested name, an export's name)
 * and every path segment the app:// handler and the local server serve is checked by it. A name passes only if
 * Windows stores it as given and it reads as what it is:
 * - no directory part and none of the characters Windows refuses (< > : " / \ | ? *);
 * - not a device name (CON, PRN, AUX, NUL, COM0–9, LPT0–9, COM¹²³/LPT¹²³, CONIN$, CONOUT$), with or without an
 *   extension ("nul.txt" opens the device too) — Microsoft's "Naming Files, Paths, and Namespaces";
 * - no trailing dot or space (Windows strips them: the file on disk would have another name) and no leading space;
 * - no control characters (C0, DEL, C1, line/paragraph separators), no bidirectional controls (U+202E turns
 *   "报告‮fdp.exe" into what reads as "报告exe.pdf") and no zero-width or invisible characters (two names that
 *   look the same must be the same), no lone surrogates (not storable as UTF-8 or NTFS text).
 * Pure: no Node. `toSafeFileName` turns a proposal (a translated title plus a date) into a name that passes.
 */
import { fail, ok, type Validation } from './validation';

/** UTF-16 code units. Under NTFS's 255 per component, leaving room for " (2)" and a temp-file prefix. */
export const FILE_NAME_MAX_CHARS = 200;

export type FileNameProblem =
  | 'notString'
  | 'empty'
  | 'tooLong'
  | 'dotName'
  | 'separator'
  | 'forbiddenChar'
  | 'controlChar'
  | 'bidiControl'
  | 'zeroWidth'
  | 'loneSurrogate'
  | 'reservedName'
  | 'trailingDotOrSpace'
  | 'leadingSpace';

const SEPARATOR = /[/\\]/;
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** ALM, LRM/RLM, the embeddings and overrides LRE…RLO, the isolates LRI…PDI. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Zero-width space/joiners, word joiner and the invisible operators, BOM/ZWNBSP, Mongolian vowel separator, soft hyphen. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060-\u2064\ufeff\u180e\u00ad]/;
const LONE_SURROGATE = /\p{Cs}/u;
/** The device names, case-insensitive, whatever follows a dot; Windows ignores spaces before that dot. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$) *(\..*)?$/i;

const SENTENCES: Record<Exclude<FileNameProblem, 'notString'>, string> = {
  empty: 'is empty',
  tooLong: `is longer than ${FILE_NAME_MAX_CHARS} characters`,
  dotName: 'is "." or ".."',
  separator: 'contains a path separator',
  forbiddenChar: 'contains a character Windows refuses (< > : " | ? *)',
  controlChar: 'contains a control character',
  bidiControl: 'contains a bidirectional control character',
  zeroWidth: 'contains a zero-width or invisible character',
  loneSurrogate: 'contains a lone UTF-16 surrogate',
  reservedName: 'is a Windows device name',
  trailingDotOrSpace: 'ends with a dot or a space',
  leadingSpace: 'starts with a space',
};

/** The first problem of `name`, or null when it is a safe file name. */
export function fileNameProblem(name: unknown): FileNameProblem | null {
  if (typeof name !== 'string') return 'notString';
  if (name === '') return 'empty';
  if (name.length > FILE_NAME_MAX_CHARS) return 'tooLong';
  if (name === '.' || name === '..') return 'dotName';
  if (SEPARATOR.test(name)) return 'separator';
  if (CONTROL.test(name)) return 'controlChar';
  if (BIDI.test(name)) return 'bidiControl';
  if (ZERO_WIDTH.test(name)) return 'zeroWidth';
  if (LONE_SURROGATE.test(name)) return 'loneSurrogate';
  if (WINDOWS_FORBIDDEN.test(name)) return 'forbiddenChar';
  if (/[. ]$/.test(name)) return 'trailingDotOrSpace';
  if (/^ /.test(name)) return 'leadingSpace';
  if (RESERVED.test(name)) return 'reservedName';
  return null;
}

export const isSafeFileName = (name: unknown): name is string => fileNameProblem(name) === null;

/** The rule as a Validation (the name itself as the value); `detail` says the problem in English. */
export function validateFileName(name: unknown): Validation<string, FileNameProblem> {
  const problem = fileNameProblem(name);
  if (problem === null) return ok(name as string);
  return fail(problem, undefined, problem === 'notString' ? 'the file name is not a string' : `the file name ${SENTENCES[problem]}`);
}

/**
 * A proposal made safe: invisible and control characters dropped, separators and forbidden characters as "_",
 * leading spaces and trailing dots/spaces trimmed, a device name prefixed with "_", the stem shortened (the
 * extension kept) to fit. An empty result becomes `fallback`. The result always passes `fileNameProblem`.
 */
export function toSafeFileName(proposal: string, fallback = 'untitled'): string {
  let name = proposal
    .replace(new RegExp(`${CONTROL.source}|${BIDI.source}|${ZERO_WIDTH.source}|${LONE_SURROGATE.source}`, 'gu'), '')
    .replace(/[/\\<>:"|?*]/g, '_')
    .replace(/^ +/, '')
    .replace(/[. ]+$/, '');
  if (name === '' || name === '.' || name === '..') name = fallback;
  if (RESERVED.test(name)) name = `_${name}`;
  if (name.length > FILE_NAME_MAX_CHARS) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 17 ? name.slice(dot) : '';
    // Cut by code points so a character outside the BMP is never split into a lone surrogate.
    const stem = [...name.slice(0, name.length - ext.length)];
    while (stem.join('').length + ext.length > FILE_NAME_MAX_CHARS) stem.pop();
    name = `${stem.join('').replace(/[. ]+$/, '')}${ext}`;
  }
  return fileNameProblem(name) === null ? name : fallback;
}
