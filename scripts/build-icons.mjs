#!/usr/bin/env node
// Draws Aula's icons (a white "A" on a teal rounded square) into build/: icon.png for the installers (electron-
// builder derives .ico and .icns from it) and tray.png / tray@2x.png for the tray. Generated, not downloaded.
// Run it again after changing the drawing; the PNGs are committed so packaging needs no extra step.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'build');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
function roundedSquareDistance(px, py, half, radius) {
  const qx = Math.abs(px) - half + radius;
  const qy = Math.abs(py) - half + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Coordinates in units of the icon: -1..1. */
function draw(size, { margin }) {
  const rgba = Buffer.alloc(size * size * 4);
  const pixel = 2 / size;
  const stroke = 0.13;
  const strokes = [
    [-0.42, 0.55, 0, -0.55],
    [0.42, 0.55, 0, -0.55],
    [-0.22, 0.16, 0.22, 0.16],
  ];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = ((x + 0.5) / size) * 2 - 1;
      const py = ((y + 0.5) / size) * 2 - 1;
      const square = roundedSquareDistance(px, py, 1 - margin, 0.22);
      const letter = Math.min(...strokes.map(([ax, ay, bx, by]) => segmentDistance(px, py, ax, ay, bx, by))) - stroke / 2;
      const inSquare = Math.max(0, Math.min(1, 0.5 - square / pixel));
      const inLetter = Math.max(0, Math.min(1, 0.5 - letter / pixel));
      const offset = (y * size + x) * 4;
      // teal #177e89 under white
      rgba[offset] = Math.round(0x17 + (255 - 0x17) * inLetter);
      rgba[offset + 1] = Math.round(0x7e + (255 - 0x7e) * inLetter);
      rgba[offset + 2] = Math.round(0x89 + (255 - 0x89) * inLetter);
      rgba[offset + 3] = Math.round(255 * inSquare);
    }
  }
  return png(size, rgba);
}

fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'icon.png'), draw(1024, { margin: 0.06 }));
fs.writeFileSync(path.join(out, 'tray.png'), draw(32, { margin: 0 }));
fs.writeFileSync(path.join(out, 'tray@2x.png'), draw(64, { margin: 0 }));
console.log('Wrote build/icon.png, build/tray.png, build/tray@2x.png');
