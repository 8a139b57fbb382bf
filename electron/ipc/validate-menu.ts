/**
 * The menu model the window sends (setMenu). Main builds its application menu from it, so it is checked like
 * every IPC request: known keys only, bounded sizes, labels without control characters, command ids of the
 * `<feature>.<verb>` form, roles from Electron's list main implements, accelerators in Electron's syntax.
 */
import { isBoolean, isPlainObject, isString, firstUnknownKey } from '../../shared/validation/guards';
import { isCommandId, MENU_ROLES, UI_LANGUAGES, type MenuItemModel, type MenuModel, type MenuRole, type UiLanguage } from '../../shared/ipc/contract';

export const MENU_LIMITS = { menus: 8, itemsPerMenu: 40, labelChars: 80 } as const;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
/** 'CmdOrCtrl+Shift+O', 'F11', 'CmdOrCtrl+=', 'M': modifiers and one key, no spaces. */
const ACCELERATOR = /^([A-Za-z]+\+)*([A-Za-z0-9]|F[1-9][0-9]?|[=\-+,./]|Escape|Enter|Delete|Backspace|Tab|Space|Up|Down|Left|Right|Home|End|PageUp|PageDown|Insert)$/;

export type MenuValidation = { ok: true; value: MenuModel } | { ok: false; error: string };
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

const isLabel = (v: unknown): v is string => isString(v) && v.trim() !== '' && v.length <= MENU_LIMITS.labelChars && !CONTROL_CHARS.test(v);
const isAccelerator = (v: unknown): v is string => isString(v) && v.length <= 40 && ACCELERATOR.test(v);

function checkItem(v: unknown, at: string): { ok: true; value: MenuItemModel } | { ok: false; error: string } {
  if (!isPlainObject(v)) return fail(`${at}: not an object`);
  if (v.kind === 'separator') return firstUnknownKey(v, ['kind']) ? fail(`${at}: unknown field`) : { ok: true, value: { kind: 'separator' } };
  if (!isLabel(v.label)) return fail(`${at}.label: not a label`);
  if (v.accelerator !== undefined && !isAccelerator(v.accelerator)) return fail(`${at}.accelerator: not an accelerator`);
  const accel = isString(v.accelerator) ? { accelerator: v.accelerator } : {};
  if (v.kind === 'command') {
    const extra = firstUnknownKey(v, ['kind', 'command', 'label', 'accelerator', 'enabled']);
    if (extra) return fail(`${at}: unknown field ${extra}`);
    if (!isCommandId(v.command)) return fail(`${at}.command: not a command id`);
    if (!isBoolean(v.enabled)) return fail(`${at}.enabled: not a boolean`);
    return { ok: true, value: { kind: 'command', command: v.command, label: v.label, enabled: v.enabled, ...accel } };
  }
  if (v.kind === 'role') {
    const extra = firstUnknownKey(v, ['kind', 'role', 'label', 'accelerator', 'devOnly']);
    if (extra) return fail(`${at}: unknown field ${extra}`);
    if (!isString(v.role) || !(MENU_ROLES as readonly string[]).includes(v.role)) return fail(`${at}.role: not a menu role`);
    if (v.devOnly !== undefined && !isBoolean(v.devOnly)) return fail(`${at}.devOnly: not a boolean`);
    return { ok: true, value: { kind: 'role', role: v.role as MenuRole, label: v.label, ...accel, ...(v.devOnly === true ? { devOnly: true } : {}) } };
  }
  return fail(`${at}.kind: unknown item kind`);
}

export function validateSetMenu(v: unknown): MenuValidation {
  if (!isPlainObject(v)) return fail('setMenu: not an object');
  const extra = firstUnknownKey(v, ['lang', 'menus']);
  if (extra) return fail(`setMenu: unknown field ${extra}`);
  if (!isString(v.lang) || !(UI_LANGUAGES as readonly string[]).includes(v.lang)) return fail('setMenu.lang: unknown language');
  if (!Array.isArray(v.menus) || v.menus.length === 0 || v.menus.length > MENU_LIMITS.menus) return fail('setMenu.menus: not a list of 1–8 menus');
  const menus: MenuModel['menus'] = [];
  for (const [i, m] of v.menus.entries()) {
    const at = `setMenu.menus[${i}]`;
    if (!isPlainObject(m) || firstUnknownKey(m, ['label', 'items'])) return fail(`${at}: not a menu`);
    if (!isLabel(m.label)) return fail(`${at}.label: not a label`);
    if (!Array.isArray(m.items) || m.items.length > MENU_LIMITS.itemsPerMenu) return fail(`${at}.items: not a list of at most ${MENU_LIMITS.itemsPerMenu} items`);
    const items: MenuItemModel[] = [];
    for (const [j, it] of m.items.entries()) {
      const r = checkItem(it, `${at}.items[${j}]`);
      if (!r.ok) return r;
      items.push(r.value);
    }
    menus.push({ label: m.label, items });
  }
  return { ok: true, value: { lang: v.lang as UiLanguage, menus } };
}
