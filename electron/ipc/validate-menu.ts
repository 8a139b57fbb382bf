/**
 * The menu model the window sends (setMenu). Main builds its application menu from it, so it is checked like
 * every IPC request: known keys only, bounded sizes, labels without control characters, command ids of the
 * `<feature>.<verb>` form, roles from Electron's list main implements, accelerators in Electron's syntax.
 */
import { firstUnknownKey, isBoolean, isPlainObject, isString } from '../../shared/validation/guards';
import { ok } from '../../shared/validation/validation';
import type { IpcInvalid, IpcReason, IpcValidation } from './validate';
import { isCommandId, MENU_ROLES, UI_LANGUAGES, type MenuItemModel, type MenuModel, type MenuRole, type UiLanguage } from '../../shared/ipc/contract';

export const MENU_LIMITS = { menus: 8, itemsPerMenu: 40, labelChars: 80 } as const;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
/** 'CmdOrCtrl+Shift+O', 'F11', 'CmdOrCtrl+=', 'M': modifiers and one key, no spaces. */
const ACCELERATOR =
  /^([A-Za-z]+\+)*([A-Za-z0-9]|F[1-9][0-9]?|[=\-+,./]|Escape|Enter|Delete|Backspace|Tab|Space|Up|Down|Left|Right|Home|End|PageUp|PageDown|Insert)$/;

const fail = (reason: IpcReason, path: string, message: string): IpcInvalid => ({ ok: false, reason, path, detail: `${path}: ${message}` });

const isLabel = (v: unknown): v is string => isString(v) && v.trim() !== '' && v.length <= MENU_LIMITS.labelChars && !CONTROL_CHARS.test(v);
const isAccelerator = (v: unknown): v is string => isString(v) && v.length <= 40 && ACCELERATOR.test(v);

function checkItem(v: unknown, at: string): IpcValidation<MenuItemModel> {
  if (!isPlainObject(v)) return fail('notObject', at, 'not an object');
  if (v.kind === 'separator')
    return firstUnknownKey(v, ['kind']) ? fail('unknownField', at, 'unknown field') : { ok: true, value: { kind: 'separator' } };
  if (!isLabel(v.label)) return fail('badField', `${at}.label`, 'not a label');
  if (v.accelerator !== undefined && !isAccelerator(v.accelerator)) return fail('badField', `${at}.accelerator`, 'not an accelerator');
  const accel = isString(v.accelerator) ? { accelerator: v.accelerator } : {};
  if (v.kind === 'command') {
    const extra = firstUnknownKey(v, ['kind', 'command', 'label', 'accelerator', 'enabled']);
    if (extra) return fail('unknownField', `${at}.${extra}`, 'unknown field');
    if (!isCommandId(v.command)) return fail('badField', `${at}.command`, 'not a command id');
    if (!isBoolean(v.enabled)) return fail('badField', `${at}.enabled`, 'not a boolean');
    return ok({ kind: 'command', command: v.command, label: v.label, enabled: v.enabled, ...accel });
  }
  if (v.kind === 'role') {
    const extra = firstUnknownKey(v, ['kind', 'role', 'label', 'accelerator', 'devOnly']);
    if (extra) return fail('unknownField', `${at}.${extra}`, 'unknown field');
    if (!isString(v.role) || !(MENU_ROLES as readonly string[]).includes(v.role)) return fail('badField', `${at}.role`, 'not a menu role');
    if (v.devOnly !== undefined && !isBoolean(v.devOnly)) return fail('badField', `${at}.devOnly`, 'not a boolean');
    return ok({ kind: 'role', role: v.role as MenuRole, label: v.label, ...accel, ...(v.devOnly === true ? { devOnly: true } : {}) });
  }
  return fail('badField', `${at}.kind`, 'unknown item kind');
}

export function validateSetMenu(v: unknown): IpcValidation<MenuModel> {
  if (!isPlainObject(v)) return fail('notObject', 'setMenu', 'not an object');
  const extra = firstUnknownKey(v, ['lang', 'menus']);
  if (extra) return fail('unknownField', `setMenu.${extra}`, 'unknown field');
  if (!isString(v.lang) || !(UI_LANGUAGES as readonly string[]).includes(v.lang)) return fail('badField', 'setMenu.lang', 'unknown language');
  if (!Array.isArray(v.menus) || v.menus.length === 0 || v.menus.length > MENU_LIMITS.menus)
    return fail(
      Array.isArray(v.menus) && v.menus.length > MENU_LIMITS.menus ? 'tooMany' : 'badField',
      'setMenu.menus',
      `not a list of 1–${MENU_LIMITS.menus} menus`,
    );
  const menus: MenuModel['menus'] = [];
  for (const [i, m] of v.menus.entries()) {
    const at = `setMenu.menus[${i}]`;
    if (!isPlainObject(m) || firstUnknownKey(m, ['label', 'items'])) return fail('notObject', at, 'not a menu');
    if (!isLabel(m.label)) return fail('badField', `${at}.label`, 'not a label');
    if (!Array.isArray(m.items) || m.items.length > MENU_LIMITS.itemsPerMenu)
      return fail(Array.isArray(m.items) ? 'tooMany' : 'badField', `${at}.items`, `not a list of at most ${MENU_LIMITS.itemsPerMenu} items`);
    const items: MenuItemModel[] = [];
    for (const [j, it] of m.items.entries()) {
      const r = checkItem(it, `${at}.items[${j}]`);
      if (!r.ok) return r;
      items.push(r.value);
    }
    menus.push({ label: m.label, items });
  }
  return ok({ lang: v.lang as UiLanguage, menus });
}
