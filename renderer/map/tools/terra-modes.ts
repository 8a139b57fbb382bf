/**
 * The terra-draw modes the ToolHost offers: one per ToolMode, styled alike (a vivid orange that no layer style uses, so
 * a measurement or a boundary being drawn reads above farmland yellow and boundary red), and a select mode for editing
 * sessions (vertices dragged, inserted at midpoints, deleted by right-click; whole shapes never dragged by accident).
 *
 * Snapping and validation are hooks the host answers: a plain drawing tool (measure) gets neither, an editing session
 * snaps through its own index (`toCustom`: terra-draw cannot see maplibre's layers) and refuses a boundary that
 * crosses itself. No key is given to terra-draw: Escape, Enter, Delete and undo/redo are the host's
 * (tool-machine.logic, edit-machine.logic), so each is one event whichever element has focus.
 */
import {
  TerraDrawLineStringMode,
  TerraDrawPointMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  type SnapToCustom,
  type TerraDrawExtend,
} from 'terra-draw';
import type { ToolMode } from './types';

const TOOL_COLOR = '#e8590c';
const SELECTED_COLOR = '#1c7ed6';
const WHITE = '#ffffff';

const keyEvents = { cancel: null, finish: 'Enter' };

export const TERRA_MODE_NAME: Record<ToolMode, string> = { linestring: 'linestring', polygon: 'polygon', point: 'point' };
export const SELECT_MODE = 'select';

type Validation = NonNullable<TerraDrawExtend.BaseModeOptions<never>['validation']>;

export interface ModeHooks {
  snap: SnapToCustom;
  /** For shapes being drawn. */
  validateDraw: Validation;
  /** For shapes being edited in the select mode. */
  validateEdit: Validation;
}

export interface TerraModes {
  linestring: TerraDrawLineStringMode;
  polygon: TerraDrawPolygonMode;
  point: TerraDrawPointMode;
  select: TerraDrawSelectMode;
}

// terra-draw's own snapping point is not drawn: the session's snap marker (snap-marker.ts) shows vertex and edge hits.
const hiddenSnappingPoint = { snappingPointWidth: 0, snappingPointOutlineWidth: 0, snappingPointOpacity: 0, snappingPointOutlineOpacity: 0 };

export function terraModes(hooks: ModeHooks): TerraModes {
  const snapping = { toCustom: hooks.snap };
  const editFlags = {
    feature: {
      draggable: false,
      // terra-draw's own crossing test would silently stop the drag; the session's validation refuses it and says why
      // (and also refuses touching vertices and spikes, which that test lets through and GEOS calls invalid).
      selfIntersectable: true,
      validation: hooks.validateEdit,
      coordinates: { draggable: true, midpoints: true, deletable: true, snappable: snapping },
    },
  };
  return {
    linestring: new TerraDrawLineStringMode({
      keyEvents,
      snapping,
      validation: hooks.validateDraw,
      styles: {
        lineStringColor: TOOL_COLOR,
        lineStringWidth: 3,
        closingPointColor: WHITE,
        closingPointWidth: 5,
        closingPointOutlineColor: TOOL_COLOR,
        closingPointOutlineWidth: 2,
        ...hiddenSnappingPoint,
      },
    }),
    polygon: new TerraDrawPolygonMode({
      keyEvents,
      snapping,
      validation: hooks.validateDraw,
      styles: {
        fillColor: TOOL_COLOR,
        fillOpacity: 0.15,
        outlineColor: TOOL_COLOR,
        outlineWidth: 3,
        closingPointColor: WHITE,
        closingPointWidth: 5,
        closingPointOutlineColor: TOOL_COLOR,
        closingPointOutlineWidth: 2,
        ...hiddenSnappingPoint,
      },
    }),
    point: new TerraDrawPointMode({
      validation: hooks.validateDraw,
      styles: { pointColor: TOOL_COLOR, pointWidth: 6, pointOutlineColor: WHITE, pointOutlineWidth: 2 },
    }),
    select: new TerraDrawSelectMode({
      modeName: SELECT_MODE,
      keyEvents: null,
      pointerDistance: 12,
      flags: { polygon: editFlags, linestring: editFlags, point: { feature: { draggable: true, validation: hooks.validateEdit } } },
      styles: {
        selectedPolygonColor: SELECTED_COLOR,
        selectedPolygonFillOpacity: 0.12,
        selectedPolygonOutlineColor: SELECTED_COLOR,
        selectedPolygonOutlineWidth: 3,
        selectedLineStringColor: SELECTED_COLOR,
        selectedLineStringWidth: 3,
        selectedPointColor: SELECTED_COLOR,
        selectedPointWidth: 7,
        selectedPointOutlineColor: WHITE,
        selectedPointOutlineWidth: 2,
        selectionPointColor: WHITE,
        selectionPointWidth: 5,
        selectionPointOutlineColor: SELECTED_COLOR,
        selectionPointOutlineWidth: 2,
        midPointColor: SELECTED_COLOR,
        midPointWidth: 3,
        midPointOutlineColor: WHITE,
        midPointOutlineWidth: 1,
      },
    }),
  };
}
