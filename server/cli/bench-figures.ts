import os from "node:os";

/** The `p`-th percentile (nearest rank) of `sorted`, ascending values. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The machine's load averages over 1, 5 and 15 minutes, for a benchmark's figures on a shared machine. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(" ");
}
