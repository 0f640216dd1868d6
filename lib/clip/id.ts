/**
 * Clip ids: ULIDs (26 characters of Crockford base32: 48-bit millisecond time + 80 random bits).
 * Made on the client, sortable by creation time, and monotonic within one millisecond so two clips
 * saved in the same millisecond still sort in the order they were made.
 */

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_BYTES = 10;
const MAX_TIME = 2 ** 48 - 1;

/** Fills a byte array with random values (the shape of `crypto.getRandomValues`). */
export type RandomSource = (bytes: Uint8Array) => Uint8Array;

const defaultRandom: RandomSource = (bytes) => globalThis.crypto.getRandomValues(bytes);

/** Encode a millisecond timestamp as 10 base32 characters. */
function encodeTime(now: number): string {
  if (!Number.isInteger(now) || now < 0 || now > MAX_TIME) throw new RangeError(`ULID time out of range: ${now}`);
  let out = '';
  for (let i = 0, t = now; i < TIME_CHARS; i++, t = Math.floor(t / 32)) out = CROCKFORD[t % 32] + out;
  return out;
}

/** Encode 80 bits (10 bytes) as 16 base32 characters, big-endian. */
function encodeRandom(bytes: Uint8Array): string {
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 16; i++, bits >>= 5n) out = CROCKFORD[Number(bits & 31n)] + out;
  return out;
}

/** Add one to an 80-bit big-endian counter in place; throws when it would wrap (2^80 ids in one ms). */
function increment(bytes: Uint8Array): void {
  for (let i = bytes.length - 1; i >= 0; i--) {
    if (bytes[i] < 255) {
      bytes[i]++;
      return;
    }
    bytes[i] = 0;
  }
  throw new Error('ULID random part overflowed within one millisecond');
}

/** A ULID generator with its own monotonic state (one per process is enough; tests make their own). */
export function createUlidFactory(): (now?: number, random?: RandomSource) => string {
  let lastTime = -1;
  let lastRandom: Uint8Array = new Uint8Array(RANDOM_BYTES);
  return (now = Date.now(), random = defaultRandom) => {
    if (now <= lastTime) {
      // Same millisecond (or the clock stepped back): keep the last time and count up, so ids stay ordered.
      increment(lastRandom);
    } else {
      lastTime = now;
      lastRandom = random(new Uint8Array(RANDOM_BYTES));
    }
    return encodeTime(lastTime) + encodeRandom(lastRandom);
  };
}

/** Make a new clip id: a time-ordered ULID, monotonic within the same millisecond. */
export const newClipId: (now?: number, random?: RandomSource) => string = createUlidFactory();

/** The creation time (ms since epoch) a ULID encodes. */
export function ulidTime(id: string): number {
  let t = 0;
  for (const ch of id.slice(0, TIME_CHARS).toUpperCase()) {
    const v = CROCKFORD.indexOf(ch);
    if (v < 0) throw new Error(`Not a ULID: ${id}`);
    t = t * 32 + v;
  }
  return t;
}
