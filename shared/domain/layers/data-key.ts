/**
 * A layer's data version as one key, "<layerId>@<dataVersion>": the attribute cache, the map's sources and the
 * tile cache are keyed by it, so rewriting a layer's data (re-decode, restyle) leaves nothing stale behind.
 */

export const dataKeyOf = (layerId: string, dataVersion: number): string => `${layerId}@${dataVersion}`;

/** The layer a data key (or a tile cache id "<dataKey>[~labels]/…") belongs to. */
export const layerIdOfKey = (key: string): string => key.slice(0, key.indexOf('@'));

/** The data key a tile cache id belongs to ("<layerId>@<version>[~labels]/…" → "<layerId>@<version>"). */
export const dataKeyOfTileId = (id: string): string => id.slice(0, id.indexOf('/')).replace(/~.*$/, '');
