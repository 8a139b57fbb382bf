/** Small view helpers for the layer list (pure). */
import type { LayerStyle } from '../../../shared/domain/layers/kind';
import type { GeometryKind } from '../../../shared/formats/types';

/** A legend swatch: fill colour (first stop of a categorical rule) with the outline colour as border. */
export function swatchColor(style: LayerStyle, geometryKind: GeometryKind): { background: string; borderColor: string; borderRadius?: string } {
  const fill = style.fill
    ? style.fill.type === 'constant'
      ? style.fill.color
      : style.fill.stops.length > 1
        ? `linear-gradient(135deg, ${style.fill.stops
            .slice(0, 4)
            .map((s) => s.color)
            .join(', ')})`
        : style.fill.defaultColor
    : 'transparent';
  if (geometryKind === 'point') return { background: style.point?.color ?? style.line.color, borderColor: '#fff', borderRadius: '50%' };
  if (geometryKind === 'line') return { background: style.line.color, borderColor: style.line.color };
  return { background: fill, borderColor: style.line.color };
}
