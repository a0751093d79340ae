/** Small helpers shared by the benchmarks: timing, medians and the closing table + JSON. */
import { at } from '../at';
export async function timeRuns(
  runs: number,
  fn: () => Promise<unknown> | unknown,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return at(sorted, Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length)));
}

export const median = (values: number[]) => percentile(values, 50);
export const round = (v: number, digits = 3) => Number(v.toFixed(digits));

export interface Row {
  metric: string;
  value: number;
  unit: string;
  target?: string;
}

/** Prints a readable table, then (last line) one JSON object with every figure. */
export function report(title: string, rows: Row[], extra: Record<string, unknown> = {}): void {
  console.log(`\n${title}\n`);
  const width = Math.max(...rows.map((r) => r.metric.length));
  for (const r of rows)
    console.log(
      `  ${r.metric.padEnd(width)}  ${String(r.value).padStart(10)} ${r.unit.padEnd(6)} ${r.target ?? ''}`,
    );
  console.log('');
  console.log(
    JSON.stringify({ ...Object.fromEntries(rows.map((r) => [r.metric, r.value])), ...extra }),
  );
}
