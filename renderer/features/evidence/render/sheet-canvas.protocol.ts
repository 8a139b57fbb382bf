/** The sheet-canvas worker's protocol (renderer/platform/worker-protocol.ts): a sheet drawn to a PNG at a resolution. */
import type { Sheet } from '../../../../shared/domain/evidence/sheet-model';
import type { SheetPngResult } from './sheet-canvas';

export interface RenderPngRequest {
  sheet: Sheet;
  /** Image refs of the sheet → their encoded bytes (the imagery PNG rendered for the frame). */
  images: Record<string, Uint8Array>;
  /** Default 300. */
  dpi?: number;
}

export type SheetCanvasProtocol = {
  /** Answers a refusal as data (tooLarge, imageUnreadable); fails `failed` only when the canvas itself does. */
  renderPng: { request: RenderPngRequest; result: SheetPngResult; progress: { step: 'decoding' | 'drawing' | 'encoding' } };
};
