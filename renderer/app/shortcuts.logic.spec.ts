import { describe, expect, it } from 'vitest';
import { chordOfEvent, isTypingTarget, normalizeShortcut } from './shortcuts.logic';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('shortcuts', () => {
  it('normalizes Electron accelerators', () => {
    expect(normalizeShortcut('CmdOrCtrl+O')).toBe('ctrl+o');
    expect(normalizeShortcut('CmdOrCtrl+O', true)).toBe('meta+o');
    expect(normalizeShortcut('Shift+Control+P')).toBe('ctrl+shift+p');
    expect(normalizeShortcut('M')).toBe('m');
    expect(normalizeShortcut('Esc')).toBe('escape');
    expect(normalizeShortcut('CmdOrCtrl++')).toBe('ctrl++');
    expect(normalizeShortcut('F11')).toBe('f11');
    expect(() => normalizeShortcut('Hyper+K')).toThrow(/unknown modifier/);
  });

  it('reads the same chord from a key event', () => {
    expect(chordOfEvent(key('o', { ctrlKey: true }))).toBe(normalizeShortcut('CmdOrCtrl+O'));
    expect(chordOfEvent(key('O', { ctrlKey: true, shiftKey: true }))).toBe('ctrl+shift+o');
    expect(chordOfEvent(key('m'))).toBe('m');
    expect(chordOfEvent(key('M', { shiftKey: true }))).toBe('shift+m');
    expect(chordOfEvent(key('Escape'))).toBe('escape');
    // '+' typed with Shift on a US keyboard is the '+' key, as in 'CmdOrCtrl++'.
    expect(chordOfEvent(key('+', { ctrlKey: true, shiftKey: true }))).toBe('ctrl++');
    expect(chordOfEvent(key('Control', { ctrlKey: true }))).toBeNull();
  });

  it('treats fields as typing', () => {
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'textarea' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
