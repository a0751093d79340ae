/**
 * A QR code of a short text (an invite link), drawn as one SVG path: dark modules on a white
 * quiet zone, whatever the theme, because scanners need the contrast. Encoding is paulmillr's
 * `qr` (zero dependencies, audited author of our noble crypto); low error correction keeps a
 * 600-character link at a size a phone camera reads from a screen.
 */
import { encodeQR } from 'qr';
import { useMemo } from 'preact/hooks';
import { useAfterPaint } from './progressive';

/** Each dark module as a 1×1 square, row by row, runs merged ("M x y h n v1 h-n z"). */
function pathOf(matrix: boolean[][]): string {
  const parts: string[] = [];
  matrix.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  });
  return parts.join('');
}

/** Whole screen pixels per module: a camera (and our test) reads sharp edges best. */
const PIXELS_PER_MODULE = 3;

/**
 * Drawn once the screen around it has been painted: encoding took 30–40 ms, and the full tab
 * shows the invite below 500 friends, out of sight.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const painted = useAfterPaint();
  const matrix = useMemo(
    () => (painted ? encodeQR(text, 'raw', { ecc: 'low', border: 4 }) : null),
    [text, painted],
  );
  if (!matrix) return <svg class="qr-code" role="img" aria-label={label} width={0} height={0} />;
  const modules = matrix.length;
  const size = modules * PIXELS_PER_MODULE;
  return (
    <svg
      class="qr-code"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${modules} ${modules}`}
      shape-rendering="crispEdges"
    >
      <rect width={modules} height={modules} fill="#fff" />
      <path d={pathOf(matrix)} fill="#000" />
    </svg>
  );
}
