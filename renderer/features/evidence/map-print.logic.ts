/**
 * 打印地图, the pure part of the dialog: the scales it offers (the standard ones: a view has nothing to fit), its
 * settings from the office template's (the view's own title and default scale), and the names of the files it saves.
 */
import type { SheetSettings, StandardScale } from '../../../shared/domain/evidence/inputs';
import { STANDARD_SCALES } from '../../../shared/domain/evidence/inputs';
import { toSafeFileName } from '../../../shared/validation/file-name';

/** 1:500 … 1:10,000: '适合地块' fits a plot, and a view has none. */
export const VIEW_SCALE_CHOICES: readonly StandardScale[] = STANDARD_SCALES;

/**
 * The dialog's first settings: the office template's paper, orientation, legend, grid and imagery (what the office
 * prints on), the view's title (示意图, editable) and the scale chosen for the view; every layer on the sheet.
 */
export function viewSettings(template: SheetSettings, title: string, scale: StandardScale): SheetSettings {
  return { ...template, title, scale, hiddenLayerIds: [] };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 示意图_1比2000_20261202-0845.pdf / .png: the title, the scale (':' is not allowed in a Windows name) and the time. */
export function viewFileNames(title: string, scale: number, at: Date): { pdf: string; png: string } {
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
  const stem = `${toSafeFileName(title.trim(), '示意图')}_1比${scale}_${stamp}`;
  return { pdf: toSafeFileName(`${stem}.pdf`), png: toSafeFileName(`${stem}.png`) };
}

/**
 * A change of the dialog's settings. The scale follows the paper: until the user picks a scale herself, a new paper,
 * orientation or legend position (a new frame) takes the default scale for that frame (`defaultFor`: the view's rule,
 * view-sheet.ts defaultViewScale), so "nearest the screen's scale, frame on screen" holds for the sheet she sees; once
 * she has picked one, her scale stays.
 */
export function changeViewSettings(
  prev: SheetSettings,
  patch: Partial<SheetSettings>,
  scaleTouched: boolean,
  defaultFor: (s: SheetSettings) => StandardScale,
): { settings: SheetSettings; scaleTouched: boolean } {
  const next = { ...prev, ...patch };
  if (patch.scale !== undefined) return { settings: next, scaleTouched: true };
  const frameChanged = patch.paper !== undefined || patch.orientation !== undefined || patch.legendPosition !== undefined;
  if (frameChanged && !scaleTouched) return { settings: { ...next, scale: defaultFor(next) }, scaleTouched };
  return { settings: next, scaleTouched };
}
