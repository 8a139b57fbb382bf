/// <reference lib="webworker" />
/**
 * Photos off the UI thread (photos.protocol.ts): EXIF reading and the stamped copy. One persistent worker: photos
 * come six at a time from a camera card, and exifr stays loaded between them.
 */
import { readPhotoMeta } from '../../../shared/formats/photo/exif';
import { serveWorker } from '../../platform/worker-host';
import { stampLayout } from './photos.logic';
import type { PhotosProtocol, StampResult } from './photos.protocol';

/** The system's CJK fonts (nothing is fetched: README Decision 11). */
const FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';
const THUMB_SIDE_PX = 360;

async function stamp(original: Blob, lines: string[]): Promise<StampResult> {
  let bitmap: ImageBitmap;
  try {
    // 'from-image': the EXIF orientation applied (the default, said so that it stays so).
    bitmap = await createImageBitmap(original, { imageOrientation: 'from-image' });
  } catch (e) {
    return { ok: false, reason: 'undecodable', detail: e instanceof Error ? e.message : String(e) };
  }
  const L = stampLayout(bitmap.width, bitmap.height, lines.length);
  const canvas = new OffscreenCanvas(L.width, L.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context on OffscreenCanvas');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, L.width, L.photoHeight);
  bitmap.close();
  // The band below the photo: the photo itself is never covered.
  ctx.fillStyle = '#1f2a33';
  ctx.fillRect(0, L.photoHeight, L.width, L.height - L.photoHeight);
  let font = L.fontPx;
  ctx.font = `${font}px ${FONT}`;
  const widest = Math.max(...lines.map((l) => ctx.measureText(l).width));
  const room = L.width - 2 * L.paddingPx;
  if (widest > room) font = Math.max(8, Math.floor((font * room) / widest));
  ctx.font = `${font}px ${FONT}`;
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'middle';
  lines.forEach((line, i) => ctx.fillText(line, L.paddingPx, L.photoHeight + L.paddingPx + (i + 0.5) * L.lineHeightPx));
  const image = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
  const s = Math.min(1, THUMB_SIDE_PX / Math.max(L.width, L.height));
  const tw = Math.max(1, Math.round(L.width * s));
  const th = Math.max(1, Math.round(L.height * s));
  const small = new OffscreenCanvas(tw, th);
  const sctx = small.getContext('2d');
  if (!sctx) throw new Error('no 2d context on OffscreenCanvas');
  sctx.imageSmoothingQuality = 'high';
  sctx.drawImage(canvas, 0, 0, tw, th);
  const thumb = await small.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
  return { ok: true, image, thumb, width: L.width, height: L.height };
}

serveWorker<PhotosProtocol>({
  read: (req) => readPhotoMeta(req.bytes),
  stamp: (req) => stamp(req.original, req.lines),
});
