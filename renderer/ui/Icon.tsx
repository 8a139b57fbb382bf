/** Small inline SVG icons (no icon font: offline, and CJK fonts lack many symbol glyphs). */
const PATHS = {
  up: 'M8 3 L13 9 H10 V13 H6 V9 H3 Z',
  down: 'M8 13 L3 7 H6 V3 H10 V7 H13 Z',
  zoom: 'M7 2 A5 5 0 1 1 6.99 2 M7 4.5 V9.5 M4.5 7 H9.5 M10.6 10.6 L14 14',
  pencil: 'M3 13 L3.6 10.4 L10.5 3.5 L12.5 5.5 L5.6 12.4 Z M9.5 4.5 L11.5 6.5',
  table: 'M2.5 3.5 H13.5 V12.5 H2.5 Z M2.5 6.5 H13.5 M2.5 9.5 H13.5 M6.5 3.5 V12.5',
  info: 'M8 2 A6 6 0 1 1 7.99 2 M8 7 V11.5 M8 4.6 V5.4',
  close: 'M4 4 L12 12 M12 4 L4 12',
  plus: 'M8 3 V13 M3 8 H13',
  overlay: 'M2.5 4.5 H9.5 V11.5 H2.5 Z M6.5 2.5 H13.5 V9.5 H6.5 Z',
} as const;

/** An icon drawn on a 16 × 16 grid; a feature defines its own with `defineIcon` instead of editing this file. */
export interface IconDef {
  readonly path: string;
  readonly filled?: boolean;
}
export const defineIcon = (path: string, filled = false): IconDef => ({ path, filled });

export type IconName = keyof typeof PATHS | IconDef;

export function Icon({ name }: { name: IconName }) {
  const def: IconDef = typeof name === 'string' ? { path: PATHS[name], filled: name === 'up' || name === 'down' } : name;
  const filled = def.filled === true;
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" className="icon">
      <path
        d={def.path}
        fill={filled ? 'currentColor' : 'none'}
        stroke={filled ? 'none' : 'currentColor'}
        strokeWidth="1.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
