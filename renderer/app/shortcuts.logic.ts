/**
 * Keyboard shortcuts written once, in Electron's accelerator syntax ('CmdOrCtrl+O', 'M', 'Escape'), and matched
 * against browser key events with the same normal form: Electron's menu shows and handles the accelerator, the
 * browser build matches the keydown.
 */
const MODIFIER_ORDER = ['ctrl', 'meta', 'alt', 'shift'] as const;

function modifierOf(part: string, isMac: boolean): (typeof MODIFIER_ORDER)[number] | null {
  switch (part.toLowerCase()) {
    case 'cmdorctrl':
    case 'commandorcontrol':
      return isMac ? 'meta' : 'ctrl';
    case 'ctrl':
    case 'control':
      return 'ctrl';
    case 'cmd':
    case 'command':
    case 'meta':
    case 'super':
      return 'meta';
    case 'alt':
    case 'option':
      return 'alt';
    case 'shift':
      return 'shift';
    default:
      return null;
  }
}

const KEY_ALIASES: Record<string, string> = { esc: 'escape', return: 'enter', plus: '+', space: ' ', del: 'delete' };

const chord = (mods: ReadonlySet<string>, key: string) => [...MODIFIER_ORDER.filter((m) => mods.has(m)), key].join('+');

/** 'CmdOrCtrl+Shift+O' → 'ctrl+shift+o' (on macOS 'meta+shift+o'). */
export function normalizeShortcut(accelerator: string, isMac = false): string {
  // '+' itself can be the key ('CmdOrCtrl++').
  const plusKey = accelerator === '+' || accelerator.endsWith('++');
  const parts = (plusKey ? accelerator.slice(0, -2) : accelerator).split('+').filter((p, i, a) => p !== '' || i < a.length - 1);
  const key = plusKey ? '+' : parts.pop();
  if (!key) throw new Error(`empty shortcut "${accelerator}"`);
  const mods = new Set<string>();
  for (const p of parts) {
    const m = modifierOf(p, isMac);
    if (!m) throw new Error(`unknown modifier "${p}" in shortcut "${accelerator}"`);
    mods.add(m);
  }
  const k = key.toLowerCase();
  return chord(mods, KEY_ALIASES[k] ?? k);
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The chord of a keydown; null for a bare modifier press. */
export function chordOfEvent(e: KeyLike): string | null {
  if (['Control', 'Meta', 'Alt', 'Shift', 'AltGraph', 'CapsLock'].includes(e.key)) return null;
  const mods = new Set<string>();
  if (e.ctrlKey) mods.add('ctrl');
  if (e.metaKey) mods.add('meta');
  if (e.altKey) mods.add('alt');
  // Shift is part of a printed symbol ('+' is Shift+= on a US keyboard): only count it with letters and named keys.
  const k = e.key.toLowerCase();
  if (e.shiftKey && (e.key.length > 1 || /[a-z]/i.test(e.key))) mods.add('shift');
  return chord(mods, k);
}

/** Typing in a field is not a shortcut (a bare letter 'M' must reach the layer-name input). */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean } | null): boolean {
  if (!target) return false;
  const tag = (target.tagName ?? '').toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable === true;
}
