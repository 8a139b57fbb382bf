/**
 * The photos worker's protocol (renderer/platform/worker-protocol.ts):
 * - `read`: a photo's EXIF (exifr, shared/formats/photo/exif.ts) from its bytes, off the UI thread; a photo whose
 *   EXIF cannot be read still comes back, its figures null and its issues saying why;
 * - `stamp`: the stamped copy — the original decoded by createImageBitmap INSIDE the worker (so the EXIF orientation
 *   is applied: an ImageBitmap made on the UI thread and sent over loses it, STACK-NOTES), drawn on an OffscreenCanvas
 *   with a band of facts below, out as JPEG with a thumbnail. The original Blob is only read, never written. A photo
 *   the browser cannot decode (HEIC in Chromium) is answered `undecodable`, not thrown.
 */
import type { PhotoMeta } from '../../../shared/formats/photo/exif';

export interface ReadRequest {
  name: string;
  bytes: Uint8Array;
}

export interface StampRequest {
  original: Blob;
  lines: string[];
}

export type StampResult =
  { ok: true; image: Blob; thumb: Blob; width: number; height: number } | { ok: false; reason: 'undecodable'; detail: string };

export type PhotosProtocol = {
  read: { request: ReadRequest; result: PhotoMeta };
  stamp: { request: StampRequest; result: StampResult };
};
