import { describe, expect, it } from 'vitest';
import { createUlidFactory, newClipId, ulidTime } from '@/lib/clip/id';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

describe('newClipId', () => {
  it('makes 26-character Crockford base32 ids that encode the time', () => {
    const id = newClipId(1_700_000_000_000);
    expect(id).toMatch(ULID);
    expect(ulidTime(id)).toBe(1_700_000_000_000);
  });

  it('sorts by creation time across milliseconds', () => {
    const make = createUlidFactory();
    const times = [5, 1_000, 1_699_999_999_999, 1_700_000_000_000, 2 ** 40];
    const ids = times.map((t) => make(t));
    expect([...ids].sort()).toEqual(ids);
  });

  it('is monotonic within one millisecond even when the random source would go backwards', () => {
    const make = createUlidFactory();
    let n = 200;
    const descending = (b: Uint8Array) => b.fill(n--); // each fresh draw is smaller than the last
    const ids = Array.from({ length: 50 }, () => make(42, descending));
    expect(new Set(ids).size).toBe(50);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => ulidTime(id) === 42)).toBe(true);
  });

  it('stays ordered when the clock steps back', () => {
    const make = createUlidFactory();
    const a = make(2_000);
    const b = make(1_000);
    expect(b > a).toBe(true);
  });

  it('carries the increment across bytes', () => {
    const make = createUlidFactory();
    const a = make(7, (b) => b.fill(0).fill(255, 5));
    const b = make(7);
    expect(a.slice(10)).not.toBe(b.slice(10));
    expect(b > a).toBe(true);
  });

  it('uses the random bytes it is given', () => {
    const make = createUlidFactory();
    expect(make(0, (b) => b.fill(0))).toBe('0'.repeat(26));
    expect(createUlidFactory()(0, (b) => b.fill(255))).toBe('0'.repeat(10) + 'Z'.repeat(16));
  });

  it('rejects times outside 48 bits', () => {
    expect(() => createUlidFactory()(-1)).toThrow(RangeError);
    expect(() => createUlidFactory()(2 ** 48)).toThrow(RangeError);
  });
});
