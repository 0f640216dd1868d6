/**
 * The index vocabulary: term ↔ dense id, and the lookups that expand a query — words by prefix
 * (search as you type) and CJK terms by character (one-character Chinese queries). FlexSearch does the
 * expansion: each term is a FlexSearch "document" (id = term id) tokenized forward, a word into its
 * prefixes and a CJK bigram into its characters, so the lookup is one Map read in FlexSearch's own
 * table and stays current as terms arrive (the sorted word list and char map this replaces were
 * rebuilt from scratch — a sort of the whole vocabulary — after every clip that brought a new term).
 * The expander is built on first use: related() never needs it, and forward-tokenizing 100k+ terms
 * on snapshot import was most of the panel's time to its first related results.
 */
import { Index } from 'flexsearch';
import { isCjkTerm } from './tokenize';

/** FlexSearch's term table (0.8): key → resolution slots of ids. Read directly: no search call, no copy. */
interface FlexInternals {
  map: Map<string, Array<number[] | undefined>>;
}

/** Terms and their expansion lookups. Ids are never reused; a term whose postings all went keeps its id. */
export class Vocabulary {
  private ids = new Map<string, number>();
  private terms: string[] = [];
  /** Built on the first prefix/character lookup (or ahead of it by prepare()), then kept current. */
  private expand: Index | null = null;
  /** Terms (by id, from 0) already in the expander. */
  private expanded = 0;
  /** 1 for CJK terms, set as terms enter the expander: lookups filter thousands of ids by it. */
  private cjk = new Uint8Array(1024);

  private static makeExpander(): Index {
    return new Index({
      tokenize: 'forward',
      // Words: the term itself (forward tokenizing adds its prefixes). CJK terms: their characters.
      encode: (s: string) => (isCjkTerm(s) ? Array.from(s) : [s]),
    });
  }

  /** Number of ids handed out. */
  get count(): number {
    return this.terms.length;
  }

  /** The id of a term, or -1. */
  id(term: string): number {
    return this.ids.get(term) ?? -1;
  }

  /** The id of a term, adding it when new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      if (this.expand && this.expanded === id) this.feed(id);
    }
    return id;
  }

  /** Add many new terms at once (a snapshot's); returns the id of the first. */
  internAll(terms: readonly string[]): number {
    const first = this.terms.length;
    for (const term of terms) this.intern(term);
    return first;
  }

  /**
   * Feed terms to the expander until done or `timeUp()` says stop (checked every 64 terms); true when
   * every term is in. Lets the panel build it in idle slices instead of on the first keystroke.
   */
  prepare(timeUp: () => boolean = () => false): boolean {
    this.expand ??= Vocabulary.makeExpander();
    while (this.expanded < this.terms.length) {
      const end = Math.min(this.terms.length, this.expanded + 64);
      for (let id = this.expanded; id < end; id++) this.feed(id);
      if (this.expanded < this.terms.length && timeUp()) return false;
    }
    return true;
  }

  /** Add the next term (id === expanded) to the expander. */
  private feed(id: number): void {
    const term = this.terms[id]!;
    if (id >= this.cjk.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.cjk.length * 2));
      grown.set(this.cjk);
      this.cjk = grown;
    }
    this.cjk[id] = isCjkTerm(term) ? 1 : 0;
    this.expand!.add(id, term);
    this.expanded = id + 1;
  }

  private expander(): Index {
    this.prepare();
    return this.expand!;
  }

  term(id: number): string {
    return this.terms[id]!;
  }

  /** Ids of terms under a FlexSearch key: word terms starting with a prefix, CJK terms holding a char. */
  private under(key: string, max: number, wantCjk: boolean): number[] {
    const slots = (this.expander() as unknown as FlexInternals).map.get(key);
    const out: number[] = [];
    if (!slots) return out;
    const want = wantCjk ? 1 : 0;
    for (const ids of slots) {
      if (!ids) continue;
      for (const id of ids) {
        if (this.cjk[id] !== want) continue;
        out.push(id);
        if (out.length >= max) return out;
      }
    }
    return out;
  }

  /** Word term ids starting with a prefix (up to `max`). */
  wordsWithPrefix(prefix: string, max: number): number[] {
    return this.under(prefix, max, false);
  }

  /** CJK term ids (bigrams, unigrams) containing a character. */
  cjkWithChar(ch: string): number[] {
    return this.under(ch, Infinity, true);
  }

  /** All terms, in id order (for snapshots). */
  all(): readonly string[] {
    return this.terms;
  }
}
