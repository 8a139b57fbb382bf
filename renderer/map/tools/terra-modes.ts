/**
 * The terra-draw modes the ToolHost offers, one per ToolMode, styled alike (a vivid orange that no layer style uses,
 * so a measurement reads above farmland yellow and boundary red). Escape is not given to terra-draw: the host cancels
 * (tool-machine.logic keyAction), so a cancel is one event whichever element has focus.
 */
import { TerraDrawLineStringMode, TerraDrawPointMode, TerraDrawPolygonMode } from 'terra-draw';
import type { ToolMode } from './types';

const TOOL_COLOR = '#e8590c';
const WHITE = '#ffffff';

const keyEvents = { cancel: null, finish: 'Enter' };

export const TERRA_MODE_NAME: Record<ToolMode, string> = { linestring: 'linestring', polygon: 'polygon', point: 'point' };

export function terraModes() {
  return [
    new TerraDrawLineStringMode({
      keyEvents,
      styles: {
        lineStringColor: TOOL_COLOR,
        lineStringWidth: 3,
        closingPointColor: WHITE,
        closingPointWidth: 5,
        closingPointOutlineColor: TOOL_COLOR,
        closingPointOutlineWidth: 2,
      },
    }),
    new TerraDrawPolygonMode({
      keyEvents,
      styles: {
        fillColor: TOOL_COLOR,
        fillOpacity: 0.15,
        outlineColor: TOOL_COLOR,
        outlineWidth: 3,
        closingPointColor: WHITE,
        closingPointWidth: 5,
        closingPointOutlineColor: TOOL_COLOR,
        closingPointOutlineWidth: 2,
      },
    }),
    new TerraDrawPointMode({ styles: { pointColor: TOOL_COLOR, pointWidth: 6, pointOutlineColor: WHITE, pointOutlineWidth: 2 } }),
  ];
}
