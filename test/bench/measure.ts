/** Latency figures of one burst, in milliseconds. */
export interface BurstFigures {
  requests: number;
  errors: number;
  wallMs: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

/** Runs `count` calls with at most `concurrency` in flight; each call reports success. */
export async function burst(
  count: number,
  concurrency: number,
  call: (i: number) => Promise<boolean>,
): Promise<BurstFigures> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      const ok = await call(i).catch(() => false);
      latencies.push(performance.now() - t0);
      if (!ok) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  const wallMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    requests: count,
    errors,
    wallMs,
    perSecond: (count / wallMs) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
  };
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

/**
 * Open loop: call `i` is due at `i / ratePerSecond` s whether or not earlier calls have
 * answered, as independent users do. Latency counts from when the call was due, so a
 * server that falls behind shows it instead of slowing the load down.
 */
export async function paced(
  count: number,
  ratePerSecond: number,
  call: (i: number) => Promise<boolean>,
): Promise<BurstFigures> {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  let errors = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const due = started + (i / ratePerSecond) * 1000;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      call(i)
        .catch(() => false)
        .then((ok) => {
          latencies.push(performance.now() - due);
          if (!ok) errors += 1;
        }),
    );
  }
  await Promise.all(pending);
  const wallMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    requests: count,
    errors,
    wallMs,
    perSecond: (count / wallMs) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
  };
}
