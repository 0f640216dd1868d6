/**
 * Retry delays after failed syncs: exponential growth with "equal jitter" (half fixed, half random),
 * so a team's clients coming back from one server outage do not all retry in the same second.
 */

export interface BackoffOptions {
  /** Delay before the first retry, before jitter (ms). */
  baseMs?: number;
  /** Ceiling on the delay (ms). */
  maxMs?: number;
  /** Growth per failure. */
  factor?: number;
}

export const DEFAULT_BACKOFF: Required<BackoffOptions> = { baseMs: 2_000, maxMs: 5 * 60_000, factor: 2 };

/**
 * The wait before retry number `failures` (1 = after the first failure): the capped exponential step
 * `min(max, base · factor^(failures-1))`, of which half is fixed and half scaled by `random()` ∈ [0, 1).
 * Never below half the step, never above the ceiling.
 */
export function backoffDelay(failures: number, random: () => number, options: BackoffOptions = {}): number {
  const { baseMs, maxMs, factor } = { ...DEFAULT_BACKOFF, ...options };
  if (failures <= 0) return 0;
  const step = Math.min(maxMs, baseMs * Math.pow(factor, Math.min(failures - 1, 64)));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(step / 2 + (step / 2) * r);
}
