import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from '@/lib/sync/backoff';

describe('backoffDelay', () => {
  it('is zero before any failure', () => {
    expect(backoffDelay(0, () => 0.5)).toBe(0);
  });

  it('doubles the step per failure, with half of it jittered', () => {
    const base = DEFAULT_BACKOFF.baseMs;
    expect(backoffDelay(1, () => 0)).toBe(base / 2);
    expect(backoffDelay(1, () => 0.999999)).toBeCloseTo(base, -1);
    expect(backoffDelay(3, () => 0)).toBe((base * 4) / 2);
    expect(backoffDelay(4, () => 0.5)).toBe(base * 8 * 0.75);
  });

  it('never exceeds the ceiling, even after many failures', () => {
    for (const failures of [20, 100, 10_000]) {
      const d = backoffDelay(failures, () => 0.99);
      expect(d).toBeLessThanOrEqual(DEFAULT_BACKOFF.maxMs);
      expect(d).toBeGreaterThanOrEqual(DEFAULT_BACKOFF.maxMs / 2);
    }
  });

  it('spreads clients apart: different random draws give different delays', () => {
    const delays = new Set([0.1, 0.3, 0.5, 0.7, 0.9].map((r) => backoffDelay(5, () => r)));
    expect(delays.size).toBe(5);
  });

  it('honours custom options', () => {
    expect(backoffDelay(2, () => 0, { baseMs: 100, factor: 3, maxMs: 10_000 })).toBe(150);
  });
});
