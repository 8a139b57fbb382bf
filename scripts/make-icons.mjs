#!/usr/bin/env node
// Draws the LandPatrol emblem with plain Node (no image libraries) and writes resources/icon.png
// (256×256) and resources/icon.ico (16, 32, 48 as 32-bit BMP entries for old shell code paths, 256 as
// PNG, the layout Windows' own icons use). Emblem: dark green rounded square (the land), a yellow parcel
// (图斑) with a red boundary (红线), and a white location pin (巡查 patrol).
// Run: node scripts/make-icons.mjs   (deterministic: same bytes every run)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'resources');

// ---- geometry helpers (coordinates in the 256-unit design space) ----
const clamp01 = (v) => Math.min(1, Math.max(0, v));
function sdRoundRect(x, y, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2,
    cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r,
    hy = (y1 - y0) / 2 - r;
  const qx = Math.abs(x - cx) - hx,
    qy = Math.abs(y - cy) - hy;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax,
    dy = by - ay;
  const t = clamp01(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}
function inPolygon(px, py, pts) {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i],
      [xj, yj] = pts[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
const polyEdgeDist = (px, py, pts) => Math.min(...pts.map(([ax, ay], i) => segDist(px, py, ax, ay, ...pts[(i + 1) % pts.length])));

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), 255];
const GREEN_TOP = hex('#2e6b47'),
  GREEN_BOTTOM = hex('#17402a'),
  STRIPE = hex('#3d7d55');
const YELLOW = hex('#f4c430'),
  RED = hex('#d93025'),
  WHITE = hex('#ffffff'),
  PIN_HOLE = hex('#1f5135');

const PARCEL = [
  [52, 150],
  [150, 124],
  [206, 178],
  [92, 214],
];
const PIN = { cx: 158, cy: 84, r: 38, tipY: 168 };

/** Colour of one design-space point, or null outside the emblem. */
function shade(x, y) {
  if (sdRoundRect(x, y, 12, 12, 244, 244, 48) > 0) return null;
  const t = y / 256;
  let c = GREEN_TOP.map((v, i) => Math.round(v + (GREEN_BOTTOM[i] - v) * t));
  // Faint furrows: the land under the parcel.
  if (Math.abs(((x * 0.5 + y) % 28) - 14) < 1.6 && y > 110) c = STRIPE;
  if (inPolygon(x, y, PARCEL)) c = YELLOW;
  if (polyEdgeDist(x, y, PARCEL) < 5.5) c = RED;
  // Pin: a circle joined to a point by two tangent lines.
  const { cx, cy, r, tipY } = PIN;
  const d = tipY - cy;
  const tang = Math.asin(r / d);
  const inCircle = Math.hypot(x - cx, y - cy) <= r;
  const dy = y - cy;
  const halfWidth = dy > 0 && y <= tipY ? (tipY - y) * Math.tan(tang) : -1;
  const inCone = dy > r * Math.sin(tang) - 1 && Math.abs(x - cx) <= halfWidth;
  if (inCircle || inCone) c = Math.hypot(x - cx, y - cy) <= r * 0.38 ? PIN_HOLE : WHITE;
  return c;
}

/** RGBA pixels at `size`, 4×4 supersampled (premultiplied while averaging). */
function render(size) {
  const px = Buffer.alloc(size * size * 4);
  const ss = 4,
    scale = 256 / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((x + (sx + 0.5) / ss) * scale, (y + (sy + 0.5) / ss) * scale);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 255;
          }
        }
      const o = (y * size + x) * 4;
      const n = ss * ss;
      if (a > 0) {
        px[o] = Math.round((r * 255) / a);
        px[o + 1] = Math.round((g * 255) / a);
        px[o + 2] = Math.round((b * 255) / a);
      }
      px[o + 3] = Math.round(a / n);
    }
  }
  return px;
}

// ---- PNG ----
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0; // 8-bit RGBA, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- ICO ----
/** 32-bit BGRA DIB, bottom-up, with the (unused but required) 1-bit AND mask. */
function bmpEntry(size, rgba) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8);
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const s = (y * size + x) * 4,
        d = ((size - 1 - y) * size + x) * 4;
      pixels[d] = rgba[s + 2];
      pixels[d + 1] = rgba[s + 1];
      pixels[d + 2] = rgba[s];
      pixels[d + 3] = rgba[s + 3];
    }
  const maskRow = Math.ceil(size / 32) * 4;
  const mask = Buffer.alloc(maskRow * size);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      if (rgba[(y * size + x) * 4 + 3] === 0) mask[(size - 1 - y) * maskRow + (x >> 3)] |= 0x80 >> (x & 7);
    }
  return Buffer.concat([header, pixels, mask]);
}
function ico(entries) {
  const head = Buffer.alloc(6 + 16 * entries.length);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(entries.length, 4);
  let offset = head.length;
  entries.forEach(({ size, data }, i) => {
    const o = 6 + 16 * i;
    head[o] = size >= 256 ? 0 : size;
    head[o + 1] = size >= 256 ? 0 : size; // 0 means 256
    head[o + 2] = 0;
    head[o + 3] = 0;
    head.writeUInt16LE(1, o + 4);
    head.writeUInt16LE(32, o + 6);
    head.writeUInt32LE(data.length, o + 8);
    head.writeUInt32LE(offset, o + 12);
    offset += data.length;
  });
  return Buffer.concat([head, ...entries.map((e) => e.data)]);
}

mkdirSync(outDir, { recursive: true });
const big = render(256);
writeFileSync(path.join(outDir, 'icon.png'), png(256, big));
const entries = [16, 32, 48].map((s) => ({ size: s, data: bmpEntry(s, render(s)) }));
entries.push({ size: 256, data: png(256, big) });
writeFileSync(path.join(outDir, 'icon.ico'), ico(entries));
console.log('make-icons: resources/icon.png (256×256), resources/icon.ico (16, 32, 48, 256)');
