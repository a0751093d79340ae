/** An SVG chart of delivery ratio (vs ideal and vs intended) and bytes per delivered byte, by hop limit. */
export interface HopPoint {
  hopLimit: number;
  ratioVsIdeal: number;
  ratioVsIntended: number;
  bytesPerDelivered: number;
  naiveBytesPerDelivered: number | null;
}

const esc = (s: string) =>
  s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? '');

export function hopChart(points: HopPoint[], title: string): string {
  const W = 720;
  const H = 420;
  const pad = { l: 60, r: 70, t: 50, b: 60 };
  const xs = points.map((p) => p.hopLimit);
  const x = (h: number) =>
    pad.l +
    ((h - Math.min(...xs)) / Math.max(1, Math.max(...xs) - Math.min(...xs))) * (W - pad.l - pad.r);
  const yRatio = (v: number) => H - pad.b - v * (H - pad.t - pad.b);
  const maxBytes =
    Math.max(1, ...points.flatMap((p) => [p.bytesPerDelivered, p.naiveBytesPerDelivered ?? 0])) *
    1.1;
  const yBytes = (v: number) => H - pad.b - (v / maxBytes) * (H - pad.t - pad.b);
  const line = (
    get: (p: HopPoint) => number | null,
    y: (v: number) => number,
    color: string,
    dash = '',
  ) => {
    const pts = points.flatMap((p) => {
      const value = get(p);
      return value === null ? [] : [`${x(p.hopLimit).toFixed(1)},${y(value).toFixed(1)}`];
    });
    return (
      `<polyline fill="none" stroke="${color}" stroke-width="2.5" ${dash ? `stroke-dasharray="${dash}"` : ''} points="${pts.join(' ')}"/>` +
      pts
        .map(
          (pt) =>
            `<circle cx="${pt.split(',')[0]}" cy="${pt.split(',')[1]}" r="4" fill="${color}"/>`,
        )
        .join('')
    );
  };
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (v) =>
        `<line x1="${pad.l}" x2="${W - pad.r}" y1="${yRatio(v)}" y2="${yRatio(v)}" stroke="#ddd"/><text x="${pad.l - 8}" y="${yRatio(v) + 4}" text-anchor="end">${v}</text>`,
    )
    .join('');
  const byteTicks = [0, 0.5, 1]
    .map(
      (f) =>
        `<text x="${W - pad.r + 8}" y="${yBytes(f * maxBytes) + 4}">${(f * maxBytes).toFixed(0)}</text>`,
    )
    .join('');
  const xTicks = points
    .map(
      (p) =>
        `<text x="${x(p.hopLimit)}" y="${H - pad.b + 20}" text-anchor="middle">${p.hopLimit}</text>`,
    )
    .join('');
  // In the middle band of the plot, clear of the ratio lines near the top.
  const legendTop = pad.t + (H - pad.t - pad.b) * 0.3;
  const legend = [
    ['#5b4bdb', 'delivery ratio vs ideal', ''],
    ['#1fa28c', 'delivered / intended', ''],
    ['#c62828', 'bytes per delivered byte (Murmur)', ''],
    ['#b26a00', 'bytes per delivered byte (naive flooding)', '6 4'],
  ]
    .map(
      ([c, t, d], i) =>
        `<line x1="${pad.l + 10}" x2="${pad.l + 40}" y1="${legendTop + i * 18}" y2="${legendTop + i * 18}" stroke="${c}" stroke-width="2.5" ${d ? `stroke-dasharray="${d}"` : ''}/><text x="${pad.l + 46}" y="${legendTop + 4 + i * 18}">${t}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
<text x="${W / 2}" y="24" text-anchor="middle" font-size="15">${esc(title)}</text>
${ticks}${byteTicks}${xTicks}
<text x="${W / 2}" y="${H - 18}" text-anchor="middle">hop limit</text>
<text transform="translate(16 ${H / 2}) rotate(-90)" text-anchor="middle">delivery ratio</text>
<text transform="translate(${W - 14} ${H / 2}) rotate(90)" text-anchor="middle">bytes sent per byte delivered</text>
${line((p) => p.ratioVsIdeal, yRatio, '#5b4bdb')}
${line((p) => p.ratioVsIntended, yRatio, '#1fa28c')}
${line((p) => p.bytesPerDelivered, yBytes, '#c62828')}
${line((p) => p.naiveBytesPerDelivered, yBytes, '#b26a00', '6 4')}
${legend}
</svg>
`;
}
