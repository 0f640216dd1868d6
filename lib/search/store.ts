/**
 * The index core: compact posting lists (lib/search/postings.ts) whose entries carry the field a term
 * came from (0 title, 1 tags/site/category, 2 summary, 3 full text) and its tf level, the vocabulary
 * (lib/search/vocabulary.ts, FlexSearch for prefix and character expansion), and the per-clip fields
 * that filters and snippets need. Clip ids are mapped to small integers so postings stay compact.
 */
import { Index } from 'flexsearch';
import { indexTerms } from './tokenize';
import { PostingPool } from './postings';
import { Vocabulary } from './vocabulary';
import { asF64, asU32, packStrings, unpackStrings } from './pack';
import type { PackedDocs, SearchableClip, SearchSnapshot, SearchSnapshotV1, SearchSnapshotV2, StoredDoc } from './types';

/** Fields, best first. A posting's slot is field × TF_LEVELS + tf level (entry = doc << 4 | slot). */
export const FIELD = { title: 0, meta: 1, summary: 2, text: 3 } as const;
/** Term-frequency levels within a clip: once, 2–3 times, 4+ times. */
export const TF_LEVELS = 3;
/** Representative term frequency of each level, for scoring. */
export const TF_OF_LEVEL = [1, 2.5, 5];
export const SLOTS = 4 * TF_LEVELS;

function tfLevel(tf: number): number {
  return tf >= 4 ? 2 : tf >= 2 ? 1 : 0;
}
const BLURB_MAX = 320;

/** One term's entries `doc << 4 | slot`, doc numbers ascending (a view: read it before the next call). */
export type Postings = Uint32Array;
export const SLOT_BITS = 4;
export const SLOT_MASK = 15;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

function timeOf(clip: SearchableClip): number {
  const t = Date.parse(clip.createdAt || clip.publishedTime || '');
  return Number.isFinite(t) ? t : 0;
}

/** A copy of a string that does not keep a larger parent string alive (V8 sliced strings). */
function ownString(s: string): string {
  return s.length > 12 ? JSON.parse(JSON.stringify(s)) : s;
}

/** What the index keeps of a clip for results and filters. */
export function storedDoc(clip: SearchableClip): StoredDoc {
  const url = clip.canonicalUrl || clip.url || '';
  const abstract = clip.summary?.abstract || clip.excerpt || clip.summary?.keyPoints?.[0] || '';
  return {
    id: clip.id,
    url: clip.url || url,
    host: hostOf(url),
    title: ownString((clip.title || '').slice(0, 300)),
    blurb: ownString(abstract.slice(0, BLURB_MAX)),
    site: ownString((clip.siteName || '').slice(0, 100)),
    categoryId: clip.categoryId ?? null,
    tags: (clip.tags || []).map((t) => ownString(t)),
    time: timeOf(clip),
    lang: (clip.lang || '').toLowerCase().split(/[-_]/)[0] || '',
    terms: 0,
  };
}

const NULL_ID = '\u0000';

/** A 32-bit FNV-1a hash of a URL (equal URLs, equal keys; a match is confirmed on the string). */
function urlKey(url: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) h = Math.imul(h ^ url.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Stored docs as columns (see PackedDocs). */
function packDocs(docs: Map<number, StoredDoc>): PackedDocs {
  const list = [...docs].sort((a, b) => a[0] - b[0]);
  const col = (f: (d: StoredDoc) => string) => packStrings(list.map(([, d]) => f(d)));
  return {
    nums: Uint32Array.from(list, ([n]) => n),
    id: col((d) => d.id),
    url: col((d) => d.url),
    host: col((d) => d.host),
    title: col((d) => d.title),
    blurb: col((d) => d.blurb),
    site: col((d) => d.site),
    categoryId: col((d) => d.categoryId ?? NULL_ID),
    lang: col((d) => d.lang),
    tags: packStrings(list.flatMap(([, d]) => d.tags)),
    tagCounts: Uint32Array.from(list, ([, d]) => d.tags.length),
    time: Float64Array.from(list, ([, d]) => d.time),
    terms: Uint32Array.from(list, ([, d]) => d.terms),
  };
}

/** Stored docs from columns, into `into`. */
function unpackDocs(p: PackedDocs, into: Map<number, StoredDoc>): void {
  const nums = asU32(p.nums);
  const [id, url, host, title, blurb, site, categoryId, lang, tags] = [p.id, p.url, p.host, p.title, p.blurb, p.site, p.categoryId, p.lang, p.tags].map(unpackStrings) as string[][];
  const tagCounts = asU32(p.tagCounts);
  const time = asF64(p.time);
  const terms = asU32(p.terms);
  let t = 0;
  for (let i = 0; i < nums.length; i++) {
    const n = tagCounts[i]!;
    const cat = categoryId![i]!;
    into.set(nums[i]!, {
      id: id![i]!,
      url: url![i]!,
      host: host![i]!,
      title: title![i]!,
      blurb: blurb![i]!,
      site: site![i]!,
      categoryId: cat === NULL_ID ? null : cat,
      tags: tags!.slice(t, t + n),
      time: time[i]!,
      lang: lang![i]!,
      terms: terms[i]!,
    });
    t += n;
  }
}

/** The parts of FlexSearch's Index (0.8) read when converting a `cairn-search/1` snapshot. */
interface FlexInternals {
  map: Map<string, Array<number[] | undefined>>;
}

/** Compact when dead postings' docs exceed this share of live docs (and this many). */
const COMPACT_SHARE = 1 / 8;
const COMPACT_MIN = 64;

/** The mutable state behind a search index. */
export class IndexStore {
  fullText: boolean;
  private pool = new PostingPool();
  private vocab = new Vocabulary();
  /** Distinct terms per doc number (length normalisation without a Map lookup per posting). */
  lengths = new Int32Array(1024);
  /** 1 for live doc numbers: a typed-array check where a Map lookup per touched doc was the cost. */
  live = new Uint8Array(1024);
  /** A hash of each doc's URL, so related() finds the clips of the page itself without a Map walk. */
  private urlKeys = new Int32Array(1024);
  readonly docs = new Map<number, StoredDoc>();
  readonly numById = new Map<string, number>();
  private nextNum = 1;
  /** Doc numbers removed but still in the postings (dropped in bulk by compact()). */
  private dead: number[] = [];
  /** Sum of distinct terms over live docs, for length normalisation in related(). */
  private totalTerms = 0;

  constructor(fullText = false) {
    this.fullText = fullText;
  }

  get size(): number {
    return this.docs.size;
  }

  /** Average distinct terms per clip. */
  get averageTerms(): number {
    return this.docs.size ? this.totalTerms / this.docs.size : 0;
  }

  /** Upper bound of doc numbers, for sizing score buffers. */
  get capacity(): number {
    return this.nextNum;
  }

  private setDoc(num: number, doc: StoredDoc): void {
    if (num >= this.lengths.length) {
      const grown = new Int32Array(Math.max(num + 1, this.lengths.length * 2));
      grown.set(this.lengths);
      this.lengths = grown;
      const alive = new Uint8Array(grown.length);
      alive.set(this.live);
      this.live = alive;
      const keys = new Int32Array(grown.length);
      keys.set(this.urlKeys);
      this.urlKeys = keys;
    }
    this.lengths[num] = doc.terms;
    this.live[num] = 1;
    this.urlKeys[num] = urlKey(doc.url);
    this.totalTerms += doc.terms;
    this.docs.set(num, doc);
  }

  /**
   * The live-doc flags less the clips of one URL (the page being read): a copy only when some clip
   * has that URL. Found by a pass over URL hashes, not a lookup of every doc.
   */
  liveExcept(url: string | null | undefined): Uint8Array {
    if (!url) return this.live;
    const key = urlKey(url);
    let out: Uint8Array | null = null;
    for (let num = 0; num < this.nextNum; num++) {
      if (this.urlKeys[num] !== key || this.live[num] !== 1 || this.docs.get(num)?.url !== url) continue;
      out ??= this.live.slice();
      out[num] = 0;
    }
    return out ?? this.live;
  }

  /** Add or replace a clip. Deleted clips (tombstones) are removed instead. */
  put(clip: SearchableClip): void {
    if (this.numById.has(clip.id)) this.remove(clip.id);
    if (clip.deletedAt) return;
    const fields = [
      indexTerms(clip.title),
      indexTerms([clip.siteName, clip.category, ...(clip.tags || [])].filter(Boolean).join(' \n ')),
      indexTerms([clip.summary?.abstract, ...(clip.summary?.keyPoints || []), clip.excerpt, clip.note].filter(Boolean).join(' \n ')),
      this.fullText ? indexTerms(clip.text) : [],
    ];
    const num = this.nextNum++;
    this.numById.set(clip.id, num);
    // Per term, in one Map: the best field it appears in (× 256) plus how often it appears overall
    // (counted to 255; tf levels stop at 4).
    const seen = new Map<string, number>();
    fields.forEach((terms, field) => {
      for (const t of terms) {
        const v = seen.get(t);
        if (v === undefined) seen.set(t, field * 256 + 1);
        else if ((v & 255) < 255) seen.set(t, v + 1);
      }
    });
    const doc = storedDoc(clip);
    doc.terms = seen.size;
    this.setDoc(num, doc);
    for (const [t, v] of seen) {
      const slot = (v >> 8) * TF_LEVELS + tfLevel(v & 255);
      this.pool.push(this.vocab.intern(t), (num << SLOT_BITS) | slot);
    }
  }

  /** Remove a clip by id; false when it was not indexed. */
  remove(id: string): boolean {
    const num = this.numById.get(id);
    if (num === undefined) return false;
    // The doc leaves `docs` now (every reader skips numbers not in `docs`) and its postings go in bulk.
    this.totalTerms -= this.docs.get(num)?.terms || 0;
    this.numById.delete(id);
    this.docs.delete(num);
    this.live[num] = 0;
    this.dead.push(num);
    if (this.dead.length >= COMPACT_MIN && this.dead.length > this.docs.size * COMPACT_SHARE) this.compact();
    return true;
  }

  /** True when a doc number is live (postings may still hold removed ones until compaction). */
  isLive(num: number): boolean {
    return this.live[num] === 1;
  }

  /** Drop removed docs from every posting list in one pass (amortised: a remove costs O(its share)). */
  compact(): void {
    if (!this.dead.length) return;
    const gone = new Uint8Array(this.nextNum);
    for (const n of this.dead) gone[n] = 1;
    this.pool.compact(this.vocab.count, gone);
    this.dead = [];
  }

  /** A term's entries (empty when none). Read it before the next postings() call. */
  postings(term: string): Postings {
    const id = this.vocab.id(term);
    return id < 0 ? EMPTY : this.pool.read(id);
  }

  /** Bitmask of the slots a term's postings use (bit s set when some entry has slot s). */
  slotsOf(term: string): number {
    const id = this.vocab.id(term);
    return id < 0 ? 0 : this.pool.slots(id);
  }

  /** How many clips hold a term (removed ones included until compaction). */
  docFreq(term: string): number {
    const id = this.vocab.id(term);
    return id < 0 ? 0 : this.pool.size(id);
  }

  /** A term's id (-1 when unknown): the by-id readers below skip the string lookups on hot paths. */
  termId(term: string): number {
    return this.vocab.id(term);
  }

  /** Entries of a term by id (a view: read it before the next postings call). */
  postingsOf(id: number): Postings {
    return this.pool.read(id);
  }

  /** How many clips hold a term, by id. */
  docFreqOf(id: number): number {
    return this.pool.size(id);
  }

  /** Slot bitmask of a term, by id. */
  slotsOfId(id: number): number {
    return this.pool.slots(id);
  }

  /** Robertson–Spärck Jones IDF, always positive. */
  idf(df: number): number {
    const n = Math.max(this.docs.size, 1);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Do part of the one-time work prefix and character lookups need; true when it is all done. */
  prepareSearch(timeUp?: () => boolean): boolean {
    return this.vocab.prepare(timeUp);
  }

  /** Ids of the word terms that start with a prefix and still hold postings (up to `max`). */
  wordIdsWithPrefix(prefix: string, max = 400): number[] {
    return this.liveIds(this.vocab.wordsWithPrefix(prefix, max * 2), max);
  }

  /** Ids of the CJK terms (bigrams and the unigram) containing a character that still hold postings. */
  cjkIdsWithChar(ch: string): number[] {
    return this.liveIds(this.vocab.cjkWithChar(ch), Infinity);
  }

  private liveIds(ids: number[], max: number): number[] {
    const out: number[] = [];
    for (const id of ids) {
      if (this.pool.size(id) && out.length < max) out.push(id);
    }
    return out;
  }

  /** A copy of everything, as typed arrays and packed strings (cheap for IndexedDB to store and load). */
  exportSnapshot(): SearchSnapshot {
    this.compact();
    const terms: string[] = [];
    let total = 1;
    for (let id = 0; id < this.vocab.count; id++) {
      const n = this.pool.size(id);
      if (n) total += 2 + n;
    }
    const postings = new Uint32Array(total);
    let at = 1;
    for (let id = 0; id < this.vocab.count; id++) {
      const list = this.pool.read(id);
      if (!list.length) continue;
      terms.push(this.vocab.term(id));
      postings[at + 1] = list.length;
      postings.set(list, at + 2);
      at += 2 + list.length;
    }
    return { format: 'cairn-search/3', fullText: this.fullText, nextNum: this.nextNum, docs: packDocs(this.docs), terms: packStrings(terms), postings };
  }

  /** Replace the contents with a snapshot made by `exportSnapshot` (this version's or an older one's). */
  importSnapshot(snapshot: SearchSnapshot | SearchSnapshotV2 | SearchSnapshotV1): void {
    const snap = snapshot as SearchSnapshot | SearchSnapshotV2 | SearchSnapshotV1 | null;
    if (!snap || (snap.format !== 'cairn-search/3' && snap.format !== 'cairn-search/2' && snap.format !== 'cairn-search/1')) {
      throw new Error('Not a cairn-search snapshot');
    }
    this.pool = new PostingPool();
    this.vocab = new Vocabulary();
    this.docs.clear();
    this.numById.clear();
    if (snap.format === 'cairn-search/3') {
      const terms = unpackStrings(snap.terms);
      this.vocab.internAll(terms);
      const adopted = this.pool.adopt(asU32(snap.postings));
      if (adopted !== terms.length) throw new Error('Snapshot terms and postings disagree');
      unpackDocs(snap.docs, this.docs);
    } else {
      if (snap.format === 'cairn-search/2') this.importV2(snap);
      else this.importV1(snap);
      for (const [num, doc] of snap.docs) this.docs.set(num, doc);
    }
    for (const [num, doc] of this.docs) this.numById.set(doc.id, num);
    this.nextNum = snap.nextNum;
    this.fullText = snap.fullText;
    this.totalTerms = 0;
    this.lengths = new Int32Array(Math.max(1024, snap.nextNum + 1));
    this.live = new Uint8Array(this.lengths.length);
    this.urlKeys = new Int32Array(this.lengths.length);
    for (const [num, d] of this.docs) {
      this.totalTerms += d.terms;
      this.lengths[num] = d.terms;
      this.live[num] = 1;
      this.urlKeys[num] = urlKey(d.url);
    }
    this.dead = [];
  }

  /** Read the second format (delta-coded number arrays) into posting lists. */
  private importV2(snap: SearchSnapshotV2): void {
    let at = 0;
    for (const term of snap.terms) {
      const id = this.vocab.intern(term);
      const n = snap.postings[at++]!;
      let doc = 0;
      for (let i = 0; i < n; i++) {
        const e = snap.postings[at++]!;
        doc += e >>> SLOT_BITS;
        this.pool.push(id, (doc << SLOT_BITS) | (e & SLOT_MASK));
      }
    }
  }

  /** Read the first format (FlexSearch's export of term → slot arrays) into posting lists. */
  private importV1(snap: SearchSnapshotV1): void {
    const flex = new Index({ encode: (s: string) => (s ? s.split(' ') : []), resolution: SLOTS });
    for (const [key, data] of snap.flex) flex.import(key, data);
    for (const [term, slots] of (flex as unknown as FlexInternals).map) {
      const entries: number[] = [];
      slots.forEach((docs, slot) => {
        for (const d of docs || []) entries.push((d << SLOT_BITS) | slot);
      });
      entries.sort((a, b) => a - b);
      const id = this.vocab.intern(term);
      for (const e of entries) this.pool.push(id, e);
    }
  }
}

const EMPTY = new Uint32Array(0);
