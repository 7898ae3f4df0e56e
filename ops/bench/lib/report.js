// The run's figures as one JSON object: latencies in milliseconds, costs per 1,000 delivered messages.

export function percentile(sorted, q) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function distribution(values) {
  const sorted = Float64Array.from(values).sort();
  const round = (v) => (v === null ? null : Math.round(v * 100) / 100);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 0.5)),
    p99: round(percentile(sorted, 0.99)),
    p999: round(percentile(sorted, 0.999)),
    max: round(sorted.length ? sorted[sorted.length - 1] : null),
  };
}

export function perThousand(value, delivered) {
  return delivered > 0 ? Math.round((value / delivered) * 1000 * 1000) / 1000 : null;
}
