/**
 * Draws Murmur's toolbar icon (two overlapping speech dots) as PNGs at build time,
 * so the repository carries no binary assets. A minimal PNG encoder on node:zlib.
 */
import { deflateSync } from 'node:zlib';
import { at } from './at';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = at(CRC_TABLE, (c ^ b) & 0xff) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.subarray(y * size * 4, (y + 1) * size * 4)).copy(rows, y * (size * 4 + 1) + 1);
  }
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** Anti-aliased coverage of a disc, sampled 4×4 per pixel. */
function discCoverage(x: number, y: number, cx: number, cy: number, r: number): number {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++)
    for (let sx = 0; sx < 4; sx++) {
      const dx = x + (sx + 0.5) / 4 - cx;
      const dy = y + (sy + 0.5) / 4 - cy;
      if (dx * dx + dy * dy <= r * r) hits++;
    }
  return hits / 16;
}

export function drawIcon(size: number): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  const s = size / 32;
  const dots = [
    { cx: 12 * s, cy: 13 * s, r: 10 * s, rgb: [0x5b, 0x4b, 0xdb] },
    { cx: 21 * s, cy: 20 * s, r: 9 * s, rgb: [0x1f, 0xa2, 0x8c] },
  ];
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      for (const dot of dots) {
        const a = discCoverage(x, y, dot.cx, dot.cy, dot.r);
        if (a === 0) continue;
        const prev = at(rgba, i + 3) / 255;
        const outA = a + prev * (1 - a);
        for (let c = 0; c < 3; c++)
          rgba[i + c] = Math.round((at(dot.rgb, c) * a + at(rgba, i + c) * prev * (1 - a)) / outA);
        rgba[i + 3] = Math.round(outA * 255);
      }
    }
  return encodePng(size, rgba);
}
