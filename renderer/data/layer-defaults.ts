/** A layer's kind and style when it is imported or restyled: the domain's guess, never an unstyled layer. */
import { defaultStyle, guessLayerKind, type LayerKind, type LayerStyle } from '../../shared/domain/layers/kind';
import type { FieldDef, GeometryKind } from '../../shared/formats/types';

/** A plain style used when the domain styling cannot answer (never leaves a layer unstyled). */
export function fallbackStyle(geometryKind: GeometryKind): LayerStyle {
  return {
    fill: geometryKind === 'polygon' ? { type: 'constant', color: '#9db8d9' } : null,
    fillOpacity: 0.45,
    line: { color: '#3b5b86', widthPx: geometryKind === 'line' ? 1.5 : 0.8 },
    point: { color: '#d9480f', radiusPx: 4 },
  };
}

export function safeGuessKind(name: string, fields: FieldDef[]): LayerKind {
  try {
    return guessLayerKind(name, fields);
  } catch {
    return 'other';
  }
}

export function safeDefaultStyle(kind: LayerKind, fields: FieldDef[], geometryKind: GeometryKind): LayerStyle {
  try {
    return defaultStyle(kind, fields);
  } catch {
    return fallbackStyle(geometryKind);
  }
}
