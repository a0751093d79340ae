/**
 * Scanning a QR code off the screen, as a phone camera would: a screenshot of the page as the
 * browser drew it, decoded to pixels (PNG: 8-bit RGB or RGBA, the only kinds browsers write
 * for screenshots) and read by `qr`'s decoder. Nothing is taken from the page's markup.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { decodeQR } from 'qr/decode.js';
import type { ExtensionPage } from '../../../tools/browsers/extension-page';

interface Pixels {
  width: number;
  height: number;
  /** RGB, 3 bytes a pixel. */
  data: Uint8Array;
}

/** Undoes PNG's per-row filters (RFC 2083 §6) into RGB. */
export function readPng(png: Buffer): Pixels {
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      channels = colour === 6 ? 4 : colour === 2 ? 3 : 0;
      if (depth !== 8 || channels === 0 || interlace !== 0)
        throw new Error(
          `unsupported PNG (depth ${depth}, colour ${colour}, interlace ${interlace})`,
        );
    } else if (type === 'IDAT') idat.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= channels ? out[y * stride + x - channels]! : 0;
      const up = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? out[(y - 1) * stride + x - channels]! : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const predicted = [0, left, up, (left + up) >> 1, paeth()][filter ?? 0] ?? 0;
      out[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++)
    rgb.set(out.subarray(i * channels, i * channels + 3), i * 3);
  return { width, height, data: rgb };
}

/** The text of the QR code on screen (the picture named `label` is scrolled into view first). */
export async function scanQrCode(page: ExtensionPage, label: string, dir: string): Promise<string> {
  await page.waitFor((name) => {
    const code = [...document.querySelectorAll('svg[role=img]')].find(
      (e) => e.getAttribute('aria-label') === name,
    );
    code?.scrollIntoView({ block: 'center' });
    return !!code;
  }, label);
  const file = join(dir, `qr-${Date.now()}.png`);
  await page.screenshot(file);
  return decodeQR(readPng(await readFile(file)), { format: 'RGB' });
}
