// TextDecoder without DOM/Node typings: shared/ compiles with lib ES2022 and no types, yet every runtime we
// run in (Node ≥ 20 with full ICU, Chromium/Electron) ships the WHATWG Encoding API, gbk and big5 included.

/** The slice of the WHATWG TextDecoder we use. */
export interface TextDecoderLike {
  readonly encoding: string;
  decode(input?: Uint8Array): string;
}

type TextDecoderCtor = new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => TextDecoderLike;

const Ctor = (globalThis as unknown as { TextDecoder: TextDecoderCtor }).TextDecoder;

const cache = new Map<string, TextDecoderLike | null>();

/** A (cached) decoder for a WHATWG label, or null when the runtime does not know the label. */
export function getTextDecoder(label: string, fatal = false): TextDecoderLike | null {
  const key = `${label}\u0000${fatal ? 'f' : ''}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let made: TextDecoderLike | null = null;
  try {
    // ignoreBOM: a DBF field never carries a BOM; keep the bytes as they are.
    made = new Ctor(label, { fatal, ignoreBOM: true });
  } catch {
    made = null;
  }
  cache.set(key, made);
  return made;
}

/** Decodes, or returns null when the bytes are not valid in that encoding (or the label is unknown). */
export function decodeStrict(bytes: Uint8Array, label: string): string | null {
  const d = getTextDecoder(label, true);
  if (!d) return null;
  try {
    return d.decode(bytes);
  } catch {
    return null;
  }
}

/** Canonical WHATWG name for a label ('cp936'? no: 'gbk' → 'gbk', 'latin1' → 'windows-1252'), or null. */
export function canonicalEncoding(label: string): string | null {
  return getTextDecoder(label)?.encoding ?? null;
}
