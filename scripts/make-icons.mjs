// Draws Cairn's toolbar icon (three stacked stones) at 16/32/48/128 px and writes PNGs to public/icon/.
// Uses only Node built-ins (zlib for the PNG IDAT stream), so it runs anywhere: `node scripts/make-icons.mjs`.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icon');
const SIZES = [16, 32, 48, 128];
const SUPERSAMPLE = 4;

// Stones in a 0..1 square: centre x, centre y, radius x, radius y, colour (RGB).
const STONES = [
  { cx: 0.5, cy: 0.78, rx: 0.42, ry: 0.17, rgb: [62, 79, 92] },
  { cx: 0.48, cy: 0.5, rx: 0.31, ry: 0.14, rgb: [88, 110, 124] },
  { cx: 0.52, cy: 0.26, rx: 0.19, ry: 0.1, rgb: [214, 140, 58] },
];

/** RGBA coverage of one output pixel, supersampled for smooth edges. */
function pixel(x, y, size) {
  let r = 0, g = 0, b = 0, a = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      const u = (x + (sx + 0.5) / SUPERSAMPLE) / size;
      const v = (y + (sy + 0.5) / SUPERSAMPLE) / size;
      // Later stones sit on top of earlier ones.
      for (let i = STONES.length - 1; i >= 0; i--) {
        const s = STONES[i];
        const d = ((u - s.cx) / s.rx) ** 2 + ((v - s.cy) / s.ry) ** 2;
        if (d <= 1) {
          r += s.rgb[0]; g += s.rgb[1]; b += s.rgb[2]; a += 255;
          break;
        }
      }
    }
  }
  const n = SUPERSAMPLE * SUPERSAMPLE;
  const hits = a / 255;
  return hits ? [Math.round(r / hits), Math.round(g / hits), Math.round(b / hits), Math.round(a / n)] : [0, 0, 0, 0];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
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

/** Encode an RGBA image as PNG (colour type 6, 8 bits, no filtering). */
function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // leading 0 = filter "none"
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y, size)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  const file = join(OUT, `${size}.png`);
  writeFileSync(file, png(size));
  console.log(`wrote ${file}`);
}
