import { describe, expect, it } from 'vitest';
import { deleteVertex, insertVertex, modeOfGeometry, openVertices, vertexUnder, withVertices } from './edit-geometry.logic';
import type { LngLat } from './tool-machine.logic';
import type { ToolGeometry } from './types';

const square: ToolGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [117, 35],
      [117.01, 35],
      [117.01, 35.01],
      [117, 35.01],
      [117, 35],
    ],
  ],
};
const line: ToolGeometry = {
  type: 'LineString',
  coordinates: [
    [117, 35],
    [117.01, 35],
    [117.02, 35],
  ],
};

describe('vertex operations', () => {
  it('reads open vertices and closes the ring again', () => {
    expect(openVertices(square)).toHaveLength(4);
    expect(withVertices(square, openVertices(square))).toEqual(square);
    expect(openVertices({ type: 'Point', coordinates: [117, 35] })).toEqual([[117, 35]]);
    expect([square, line, { type: 'Point', coordinates: [1, 2] } as ToolGeometry].map(modeOfGeometry)).toEqual(['polygon', 'linestring', 'point']);
  });

  it('deletes a vertex, but never below a triangle or a two-point line', () => {
    const tri = deleteVertex(square, 2)!;
    expect(tri).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [117, 35],
          [117.01, 35],
          [117, 35.01],
          [117, 35],
        ],
      ],
    });
    expect(deleteVertex(tri, 0)).toBeNull();
    expect(deleteVertex(line, 1)).toEqual({
      type: 'LineString',
      coordinates: [
        [117, 35],
        [117.02, 35],
      ],
    });
    expect(
      deleteVertex(
        {
          type: 'LineString',
          coordinates: [
            [117, 35],
            [117.02, 35],
          ],
        },
        0,
      ),
    ).toBeNull();
    expect(deleteVertex(square, 9)).toBeNull();
  });

  it('inserts a typed vertex into the edge it lengthens least, the closing edge included', () => {
    // Just outside the east edge: between vertices 1 and 2.
    const east = insertVertex(square, [117.011, 35.005]);
    expect(east.index).toBe(2);
    expect(openVertices(east.geometry)[2]).toEqual([117.011, 35.005]);
    // Just outside the west (closing) edge: after the last vertex.
    const west = insertVertex(square, [116.999, 35.005]);
    expect(west.index).toBe(4);
    expect((west.geometry.coordinates as number[][][])[0]).toHaveLength(6);
  });

  it('extends a line at either end when that is shortest, and moves a point', () => {
    expect(insertVertex(line, [117.03, 35]).index).toBe(3);
    expect(insertVertex(line, [116.99, 35]).index).toBe(0);
    expect(insertVertex(line, [117.005, 35.0001]).index).toBe(1);
    expect(insertVertex({ type: 'Point', coordinates: [117, 35] }, [118, 36]).geometry).toEqual({ type: 'Point', coordinates: [118, 36] });
  });

  it('finds the vertex under the pointer within the tolerance', () => {
    const project = ([lng, lat]: LngLat): [number, number] => [(lng - 117) * 1e5, (35.01 - lat) * 1e5];
    expect(vertexUnder(square, [1003, 998], project, 10)).toBe(1);
    expect(vertexUnder(square, [500, 500], project, 10)).toBeNull();
  });
});
