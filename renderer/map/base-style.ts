import type { StyleSpecification } from 'maplibre-gl';

/** Light paper background; NO glyphs and NO remote sources: nothing ever leaves the machine. */
export const PAPER_COLOR = '#f4f1e8';

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'paper', type: 'background', paint: { 'background-color': PAPER_COLOR } }],
  };
}
