#!/usr/bin/env node
/**
 * Draws the add-in's icons (a table with a check mark, in Office blue) and writes them as PNGs at
 * exactly the sizes the manifest declares. Only `zlib` is used, so the icons can be regenerated on
 * any machine without an image library; the output is deterministic, so re-running it on an
 * unchanged script leaves git clean.
 *
 *   node scripts/make-icons.js [outDir]      (default: assets/)
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80];
const BLUE = [0x00, 0x78, 0xd4];
const DARK_BLUE = [0x00, 0x5a, 0x9e];
const WHITE = [0xff, 0xff, 0xff];
const LIGHT_BLUE = [0x9c, 0xc9, 0xee];
/** Samples per pixel along each axis: 16 samples give smooth edges even at 16 px. */
const SUPERSAMPLE = 4;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA pixels (width × height × 4 bytes) → PNG file bytes. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: truecolour with alpha
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function insideRoundRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/**
 * The glyph in a 32 × 32 design space: the colour at (x, y), or null where the icon is transparent.
 * Small icons get fewer grid lines, so that the ones left stay crisp.
 */
function glyph(x, y, size) {
  const badge = { cx: 24, cy: 24, r: 7.5 };
  const toBadge = Math.hypot(x - badge.cx, y - badge.cy);
  if (toBadge <= badge.r - 1.6) {
    const tick = [
      [20.6, 24.2],
      [23.1, 26.7],
      [27.6, 21.4],
    ];
    const onTick = Math.min(
      distanceToSegment(x, y, tick[0], tick[1]),
      distanceToSegment(x, y, tick[1], tick[2]),
    );
    return onTick <= 1.15 ? WHITE : DARK_BLUE;
  }
  if (toBadge <= badge.r) return WHITE;

  const table = { left: 2, top: 4, right: 27, bottom: 28, radius: 2.5, border: 2 };
  if (!insideRoundRect(x, y, table.left, table.top, table.right, table.bottom, table.radius)) return null;
  const b = table.border;
  const inner = insideRoundRect(
    x,
    y,
    table.left + b,
    table.top + b,
    table.right - b,
    table.bottom - b,
    table.radius - 1,
  );
  const headerBottom = 11;
  if (!inner || y < headerBottom) return BLUE;
  const columns = size <= 16 ? [14.5] : [10.5, 18.5];
  const rows = size <= 16 ? [19.5] : [16.5, 22];
  const half = size <= 16 ? 1 : 0.75;
  if (columns.some((cx) => Math.abs(x - cx) <= half) || rows.some((ry) => Math.abs(y - ry) <= half)) {
    return LIGHT_BLUE;
  }
  return WHITE;
}

/** Renders at `size` px by averaging SUPERSAMPLE² samples per pixel (premultiplied alpha). */
function renderIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const scale = 32 / size;
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const colour = glyph((px + (sx + 0.5) / n) * scale, (py + (sy + 0.5) / n) * scale, size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const i = (py * size + px) * 4;
      if (covered > 0) {
        rgba[i] = Math.round(r / covered);
        rgba[i + 1] = Math.round(g / covered);
        rgba[i + 2] = Math.round(b / covered);
        rgba[i + 3] = Math.round((255 * covered) / (n * n));
      }
    }
  }
  return encodePng(size, size, rgba);
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'assets'));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, renderIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}

if (require.main === module) main();

module.exports = { SIZES, renderIcon, encodePng };
