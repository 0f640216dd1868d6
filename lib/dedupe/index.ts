/** Near-duplicate index over clips: same canonical URL, or near-identical text found through MinHash LSH. */
import { normalizeUrl } from '../url/canonical';
import { estimateContainedShare, estimateContainment, estimateJaccard, minhashSignature, SIGNATURE_SIZE } from './minhash';
import { shingleHashes } from './shingles';

/** What the index reads from a clip or a draft. */
export interface DedupeInput {
  /** Present on stored clips; a draft has none. */
  id?: string;
  url: string;
  canonicalUrl?: string | null;
  text?: string | null;
  title?: string | null;
}

/** One duplicate found: the stored clip's id, how it matched, and a similarity in [0, 1] (1 for the same URL). */
export interface DuplicateMatch {
  id: string;
  kind: 'same-url' | 'near-identical';
  similarity: number;
}

/** Thresholds of the near-identical test. */
export interface DuplicateOptions {
  /** Minimum estimated share of the smaller text's shingles found in the larger (default 0.8). */
  minContainment?: number;
  /** Minimum estimated Jaccard, so a paragraph is not a duplicate of a whole book (default 0.1: an article is still a duplicate of its page with 8× as much chrome). */
  minJaccard?: number;
  /** Texts with fewer shingles than this are only matched by URL (default 8). */
  minShingles?: number;
}

/** The duplicate index API. */
export interface DuplicateIndex {
  add(clip: DedupeInput & { id: string }): void;
  remove(id: string): void;
  findDuplicates(clip: DedupeInput): DuplicateMatch[];
  readonly size: number;
}

/**
 * LSH banding: 128 bands of 2 rows. A pair becomes a candidate with probability 1-(1-J²)^128: 0.92 at
 * J=0.14 (the lowest seen between a fixture's article and its whole page with heavy chrome), 0.99 at
 * J=0.2, 0.013 at J=0.01 (unrelated pages), so verification sees few candidates even at 100k clips.
 */
const BANDS = 128;
const ROWS = SIGNATURE_SIZE / BANDS;

interface Entry {
  urls: string[];
  signature: Uint32Array | null;
  size: number;
  bandKeys: Uint32Array;
}

function urlKeys(input: DedupeInput): string[] {
  const keys = new Set<string>();
  for (const u of [input.canonicalUrl, input.url]) if (u && u.trim()) keys.add(normalizeUrl(u));
  return [...keys];
}

function bandKey(sig: Uint32Array, band: number): number {
  let h = band * 0x9e3779b1;
  for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[band * ROWS + r]!, 0x01000193) >>> 0;
  return h >>> 0;
}

function textOf(input: DedupeInput): string {
  return (input.text || '').trim();
}

/** Create an empty duplicate index (in memory; rebuild it from the library at start-up). */
export function createDuplicateIndex(options: DuplicateOptions = {}): DuplicateIndex {
  const minContainment = options.minContainment ?? 0.8;
  const minJaccard = options.minJaccard ?? 0.1;
  const minShingles = options.minShingles ?? 8;
  const entries = new Map<string, Entry>();
  const byUrl = new Map<string, Set<string>>();
  // One id per bucket is the common case, kept as a bare string; an array only once a bucket is shared.
  const bands: Array<Map<number, string | string[]>> = Array.from({ length: BANDS }, () => new Map());

  const sketch = (input: DedupeInput) => {
    const shingles = shingleHashes(textOf(input));
    if (shingles.length < minShingles) return { signature: null, size: shingles.length, shingles };
    return { signature: minhashSignature(shingles), size: shingles.length, shingles };
  };

  const remove = (id: string) => {
    const e = entries.get(id);
    if (!e) return;
    for (const u of e.urls) {
      const set = byUrl.get(u);
      set?.delete(id);
      if (set && set.size === 0) byUrl.delete(u);
    }
    e.bandKeys.forEach((k, b) => {
      const bucket = bands[b]!.get(k);
      if (bucket === id) bands[b]!.delete(k);
      else if (Array.isArray(bucket)) {
        const rest = bucket.filter((x) => x !== id);
        bands[b]!.set(k, rest.length === 1 ? rest[0]! : rest);
      }
    });
    entries.delete(id);
  };

  return {
    get size() {
      return entries.size;
    },
    add(clip) {
      remove(clip.id);
      const urls = urlKeys(clip);
      const { signature, size } = sketch(clip);
      const bandKeys = signature ? Uint32Array.from({ length: BANDS }, (_, b) => bandKey(signature, b)) : new Uint32Array(0);
      entries.set(clip.id, { urls, signature, size, bandKeys });
      for (const u of urls) {
        let set = byUrl.get(u);
        if (!set) byUrl.set(u, (set = new Set()));
        set.add(clip.id);
      }
      bandKeys.forEach((k, b) => {
        const bucket = bands[b]!.get(k);
        if (bucket === undefined) bands[b]!.set(k, clip.id);
        else if (Array.isArray(bucket)) bucket.push(clip.id);
        else bands[b]!.set(k, [bucket, clip.id]);
      });
    },
    remove,
    findDuplicates(clip) {
      const found = new Map<string, DuplicateMatch>();
      for (const u of urlKeys(clip)) for (const id of byUrl.get(u) ?? []) if (id !== clip.id) found.set(id, { id, kind: 'same-url', similarity: 1 });
      const { signature, size, shingles } = sketch(clip);
      if (signature) {
        const querySet = new Set(shingles);
        const candidates = new Set<string>();
        for (let b = 0; b < BANDS; b++) {
          const bucket = bands[b]!.get(bandKey(signature, b));
          if (typeof bucket === 'string') candidates.add(bucket);
          else if (bucket) for (const id of bucket) candidates.add(id);
        }
        for (const id of candidates) {
          if (id === clip.id || found.has(id)) continue;
          const other = entries.get(id)!;
          const jaccard = estimateJaccard(signature, other.signature!);
          if (jaccard < minJaccard) continue;
          const containment = estimateContainment(estimateContainedShare(other.signature!, querySet), other.size, size);
          if (containment < minContainment) continue;
          found.set(id, { id, kind: 'near-identical', similarity: Math.round(containment * 1000) / 1000 });
        }
      }
      return [...found.values()].sort((a, b) => b.similarity - a.similarity || (a.kind === 'same-url' ? -1 : 1) || (a.id < b.id ? -1 : 1));
    },
  };
}

/** The pair measures the index decides on, for benches and explanations: estimated Jaccard and containment. */
export function compareTexts(a: string, b: string): { jaccard: number; containment: number; sizes: [number, number] } {
  const sa = shingleHashes(a);
  const sb = shingleHashes(b);
  if (!sa.length || !sb.length) return { jaccard: 0, containment: 0, sizes: [sa.length, sb.length] };
  const sigA = minhashSignature(sa);
  const jaccard = estimateJaccard(sigA, minhashSignature(sb));
  return { jaccard, containment: estimateContainment(estimateContainedShare(sigA, new Set(sb)), sa.length, sb.length), sizes: [sa.length, sb.length] };
}
