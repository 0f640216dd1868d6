/**
 * Column packing for snapshots: many short strings as one string plus a Uint32Array of end offsets.
 * IndexedDB (structured clone) copies one big string and one typed array almost for free, where an
 * array of 10k objects or 200k strings costs a serialized value each, on save and again on every load.
 */

/** Strings packed as one text and the end offset of each. */
export interface PackedStrings {
  text: string;
  ends: Uint32Array;
}

/** Pack a list of strings. */
export function packStrings(list: readonly string[]): PackedStrings {
  const ends = new Uint32Array(list.length);
  let at = 0;
  for (let i = 0; i < list.length; i++) ends[i] = at += list[i]!.length;
  return { text: list.join(''), ends: ends };
}

/** The strings of a pack, in order. */
export function unpackStrings(p: PackedStrings): string[] {
  const ends = asU32(p.ends);
  const out = new Array<string>(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    out[i] = p.text.slice(start, ends[i]);
    start = ends[i]!;
  }
  return out;
}

/**
 * A Uint32Array from what a snapshot holds: the array itself (structured clone), a plain number array,
 * or the `{"0": …, "1": …}` object JSON makes of a typed array.
 */
export function asU32(x: Uint32Array | number[] | Record<string, number>): Uint32Array {
  if (x instanceof Uint32Array) return x;
  if (Array.isArray(x)) return Uint32Array.from(x);
  return Uint32Array.from(Object.values(x));
}

/** As asU32, for Float64Array columns. */
export function asF64(x: Float64Array | number[] | Record<string, number>): Float64Array {
  if (x instanceof Float64Array) return x;
  if (Array.isArray(x)) return Float64Array.from(x);
  return Float64Array.from(Object.values(x));
}
