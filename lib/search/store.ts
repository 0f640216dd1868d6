/**
 * The index core: one FlexSearch Index of pre-tokenized terms whose resolution slots encode the field
 * a term came from (0 title, 1 tags/site/category, 2 summary, 3 full text), plus the per-clip fields
 * that filters and snippets need and the vocabulary that prefix and one-character queries expand over.
 * Clip ids are mapped to small integers so postings stay compact.
 */
import { Index } from 'flexsearch';
import { indexTerms, isCjkTerm } from './tokenize';
import type { SearchableClip, SearchSnapshot, StoredDoc } from './types';

/** Fields, best first. A term's FlexSearch slot is field × TF_LEVELS + tf level. */
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

/** Slot arrays of doc numbers for one term (FlexSearch's intermediate result). */
export type Postings = ReadonlyArray<ReadonlyArray<number> | undefined>;

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

function storedDoc(clip: SearchableClip): StoredDoc {
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

/** The parts of FlexSearch's Index (0.8) read directly: its term map and its id register. */
interface FlexInternals {
  map: Map<string, Array<number[] | undefined>>;
  reg: Set<number> | Map<number, unknown>;
}

/** Compact when dead postings' docs exceed this share of live docs (and this many). */
const COMPACT_SHARE = 1 / 8;
const COMPACT_MIN = 64;

/** The mutable state behind a search index. */
export class IndexStore {
  fullText: boolean;
  private flex: Index;
  /** Token boundaries of the document being added: terms before bounds[k] go to slot k. */
  private bounds: [number, number, number] = [0, 0, 0];
  /** Term frequencies of the document being added. */
  private tf = new Map<string, number>();
  /** Distinct terms per doc number (length normalisation without a Map lookup per posting). */
  lengths = new Int32Array(1024);
  readonly docs = new Map<number, StoredDoc>();
  readonly numById = new Map<string, number>();
  private nextNum = 1;
  /** Doc numbers removed but still in the postings (dropped in bulk by compact()). */
  private dead: number[] = [];
  /** Sum of distinct terms over live docs, for length normalisation in related(). */
  private totalTerms = 0;
  private vocab = new Set<string>();
  private sortedWords: string[] | null = null;
  private cjkByChar: Map<string, string[]> | null = null;

  constructor(fullText = false) {
    this.fullText = fullText;
    this.flex = this.makeFlex();
  }

  private makeFlex(): Index {
    return new Index({
      encode: (s: string) => (s ? s.split(' ') : []),
      resolution: SLOTS,
      score: (_content: string[], term: string, i: number) =>
        (i < this.bounds[0] ? 0 : i < this.bounds[1] ? 1 : i < this.bounds[2] ? 2 : 3) * TF_LEVELS +
        tfLevel(this.tf.get(term) || 1),
    });
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

  /** Add or replace a clip. Deleted clips (tombstones) are removed instead. */
  put(clip: SearchableClip): void {
    if (this.numById.has(clip.id)) this.remove(clip.id);
    if (clip.deletedAt) return;
    const title = indexTerms(clip.title);
    const meta = indexTerms([clip.siteName, clip.category, ...(clip.tags || [])].filter(Boolean).join(' \n '));
    const summaryText = [clip.summary?.abstract, ...(clip.summary?.keyPoints || []), clip.excerpt, clip.note];
    const summary = indexTerms(summaryText.filter(Boolean).join(' \n '));
    const text = this.fullText ? indexTerms(clip.text) : [];
    const num = this.nextNum++;
    this.numById.set(clip.id, num);
    const all = title.concat(meta, summary, text);
    const doc = storedDoc(clip);
    this.tf.clear();
    for (const t of all) this.tf.set(t, (this.tf.get(t) || 0) + 1);
    doc.terms = this.tf.size;
    if (num >= this.lengths.length) {
      const grown = new Int32Array(Math.max(num + 1, this.lengths.length * 2));
      grown.set(this.lengths);
      this.lengths = grown;
    }
    this.lengths[num] = doc.terms;
    this.totalTerms += doc.terms;
    this.docs.set(num, doc);
    this.bounds = [title.length, title.length + meta.length, title.length + meta.length + summary.length];
    for (const t of all) this.addTerm(t);
    if (all.length) this.flex.add(num, all.join(' '));
    this.tf.clear();
  }

  private addTerm(t: string): void {
    if (this.vocab.has(t)) return;
    this.vocab.add(t);
    this.sortedWords = null;
    this.cjkByChar = null;
  }

  /** Remove a clip by id; false when it was not indexed. */
  remove(id: string): boolean {
    const num = this.numById.get(id);
    if (num === undefined) return false;
    // FlexSearch's remove (fastupdate off) scans the whole index: ~100 ms at 100k clips. Instead the
    // doc leaves `docs` now (every reader skips numbers not in `docs`) and its postings go in bulk.
    this.totalTerms -= this.docs.get(num)?.terms || 0;
    this.numById.delete(id);
    this.docs.delete(num);
    this.dead.push(num);
    if (this.dead.length >= COMPACT_MIN && this.dead.length > this.docs.size * COMPACT_SHARE) this.compact();
    return true;
  }

  /** True when a doc number is live (postings may still hold removed ones until compaction). */
  isLive(num: number): boolean {
    return this.docs.has(num);
  }

  /** Drop removed docs from every posting list in one pass (amortised: a remove costs O(its share)). */
  compact(): void {
    if (!this.dead.length) return;
    const flex = this.flex as unknown as FlexInternals;
    const gone = new Uint8Array(this.nextNum);
    for (const n of this.dead) {
      gone[n] = 1;
      flex.reg.delete(n);
    }
    for (const [term, slots] of flex.map) {
      let left = 0;
      for (let s = 0; s < slots.length; s++) {
        const list = slots[s];
        if (!list) continue;
        let w = 0;
        for (let i = 0; i < list.length; i++) if (!gone[list[i]!]) list[w++] = list[i]!;
        list.length = w;
        left += w;
      }
      if (!left) {
        flex.map.delete(term);
        this.vocab.delete(term);
        this.sortedWords = null;
        this.cjkByChar = null;
      }
    }
    this.dead = [];
  }

  /** Doc numbers holding a term, by field slot (empty when none). */
  postings(term: string): Postings {
    // FlexSearch's own term map (term → slot arrays): one Map lookup instead of a search call.
    return (this.flex as unknown as FlexInternals).map.get(term) || [];
  }

  /** How many clips hold a term. */
  docFreq(term: string): number {
    let n = 0;
    for (const a of this.postings(term)) if (a) n += a.length;
    return n;
  }

  /** Robertson–Spärck Jones IDF, always positive. */
  idf(df: number): number {
    const n = Math.max(this.docs.size, 1);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Word terms that start with a prefix (sorted vocabulary, rebuilt lazily after new terms). */
  wordsWithPrefix(prefix: string, max = 400): string[] {
    if (!this.sortedWords) this.sortedWords = [...this.vocab].filter((t) => !isCjkTerm(t)).sort();
    const words = this.sortedWords;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (words[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < words.length && out.length < max && words[i]!.startsWith(prefix); i++) out.push(words[i]!);
    return out;
  }

  /** CJK terms (bigrams and the unigram) containing a character, for one-character queries. */
  cjkTermsWithChar(ch: string): string[] {
    if (!this.cjkByChar) {
      const map = new Map<string, string[]>();
      for (const t of this.vocab) {
        if (!isCjkTerm(t)) continue;
        for (const c of new Set(Array.from(t))) {
          const list = map.get(c);
          if (list) list.push(t);
          else map.set(c, [t]);
        }
      }
      this.cjkByChar = map;
    }
    return this.cjkByChar.get(ch) || [];
  }

  /** A JSON-safe copy of everything (FlexSearch's own export plus our fields). */
  exportSnapshot(): SearchSnapshot {
    this.compact();
    const flex: Array<[string, string]> = [];
    this.flex.export((key: string, data: string) => {
      flex.push([key, data]);
    });
    return {
      format: 'cairn-search/1',
      fullText: this.fullText,
      nextNum: this.nextNum,
      docs: [...this.docs],
      vocab: [...this.vocab],
      flex,
    };
  }

  /** Replace the contents with a snapshot made by `exportSnapshot`. */
  importSnapshot(snap: SearchSnapshot): void {
    if (!snap || snap.format !== 'cairn-search/1') throw new Error('Not a cairn-search/1 snapshot');
    this.flex = this.makeFlex();
    for (const [key, data] of snap.flex) this.flex.import(key, data);
    this.docs.clear();
    this.numById.clear();
    for (const [num, doc] of snap.docs) {
      this.docs.set(num, doc);
      this.numById.set(doc.id, num);
    }
    this.nextNum = snap.nextNum;
    this.fullText = snap.fullText;
    this.totalTerms = 0;
    this.lengths = new Int32Array(Math.max(1024, snap.nextNum + 1));
    for (const [num, d] of this.docs) {
      this.totalTerms += d.terms;
      this.lengths[num] = d.terms;
    }
    this.vocab = new Set(snap.vocab);
    this.dead = [];
    this.sortedWords = null;
    this.cjkByChar = null;
  }
}
