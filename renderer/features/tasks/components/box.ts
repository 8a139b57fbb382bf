import type { CSSProperties } from 'react';

/** A form's group box (fieldset): a thin frame, its rows in a grid, never wider than the panel. */
export const BOX: CSSProperties = { margin: 0, padding: 6, border: '1px solid rgba(0,0,0,0.15)', display: 'grid', gap: 4, minWidth: 0 };
