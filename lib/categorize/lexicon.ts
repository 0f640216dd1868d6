/** A taxonomy's names, aliases and keywords compiled into one longest-first lexicon, and matched against a page. */
import type { Category } from './types';
import { foldText } from '../text/normalize';
import { lightStem } from '../text/stem';

export interface LexiconEntry {
  /** The form searched for: Han text as is, other words as a space-padded stemmed token string. */
  key: string;
  han: boolean;
  /** The word as shown in "why". */
  label: string;
  targets: Array<{ categoryId: string; weight: number }>;
}

const TOKEN = /[\p{L}\p{N}\p{M}_]+(?:['’.+#][\p{L}\p{N}\p{M}_+#]+)*[+#]*/gu;
const HAN = /\p{Script=Han}/u;
const NAME_WEIGHT = 2;
const KEYWORD_WEIGHT = 1;

/** Folded, stemmed tokens joined by single spaces and padded, so " word " finds whole words and phrases. */
export function tokenStream(text: string): string {
  const tokens = foldText(text).match(TOKEN) || [];
  return ' ' + tokens.map(lightStem).join(' ') + ' ';
}

const cache = new WeakMap<Category[], LexiconEntry[]>();

/** The lexicon of a taxonomy, longest entries first (cached per taxonomy array). */
export function lexiconOf(taxonomy: Category[]): LexiconEntry[] {
  let lex = cache.get(taxonomy);
  if (lex) return lex;
  const byKey = new Map<string, LexiconEntry>();
  const add = (word: string, categoryId: string, weight: number) => {
    const folded = foldText(word).trim();
    if (!folded) return;
    const han = HAN.test(folded);
    const key = han ? folded.replace(/\s+/g, '') : tokenStream(folded);
    if (!han && key.trim() === '') return;
    let e = byKey.get(key);
    if (!e) byKey.set(key, (e = { key, han, label: folded, targets: [] }));
    const t = e.targets.find((x) => x.categoryId === categoryId);
    if (t) t.weight = Math.max(t.weight, weight);
    else e.targets.push({ categoryId, weight });
  };
  for (const c of taxonomy) {
    for (const n of [c.name.en, c.name.zh, ...c.aliases]) add(n, c.id, NAME_WEIGHT);
    for (const k of c.keywords) add(k, c.id, KEYWORD_WEIGHT);
  }
  // Longest first, so "知识管理" claims its characters before "管理" and "machine learning" before "learning".
  lex = [...byKey.values()].sort((a, b) => b.key.length - a.key.length);
  cache.set(taxonomy, lex);
  return lex;
}

/** Count non-overlapping occurrences of `key` in `hay` and blank them out (longest-match-first masking). */
function countAndMask(hay: string, key: string, han: boolean): { count: number; rest: string } {
  let count = 0;
  let idx = hay.indexOf(key);
  if (idx < 0) return { count, rest: hay };
  let out = '';
  let last = 0;
  const blank = han ? '\u0000'.repeat(key.length) : ' ' + '\u0000'.repeat(key.length - 2) + ' ';
  while (idx >= 0) {
    count++;
    out += hay.slice(last, idx) + blank;
    last = idx + key.length;
    // Latin keys end in a space that the next match may start with; step back one to allow it.
    idx = hay.indexOf(key, han ? last : last - 1);
    if (idx >= 0 && idx < last) {
      // The shared space is already in the blank; continue after it.
      out = out.slice(0, -1);
    }
  }
  return { count, rest: out + hay.slice(last) };
}

/** How often each lexicon entry occurs in a text (Han by substring, other words as whole stemmed tokens). */
export function matchLexicon(lex: LexiconEntry[], text: string): Map<LexiconEntry, number> {
  const hits = new Map<LexiconEntry, number>();
  let han = foldText(text).replace(/\s+/g, '');
  let stream = tokenStream(text);
  const hasHan = HAN.test(han);
  const singles: LexiconEntry[] = [];
  for (const e of lex) {
    if (e.han) {
      if (!hasHan) continue;
      const r = countAndMask(han, e.key, true);
      if (r.count) {
        hits.set(e, r.count);
        han = r.rest;
      }
    } else if (e.key.indexOf(' ', 1) < e.key.length - 1) {
      // Phrases first, by index search, masking what they cover.
      const r = countAndMask(stream, e.key, false);
      if (r.count) {
        hits.set(e, r.count);
        stream = r.rest;
      }
    } else singles.push(e);
  }
  // Single words: one pass over what the phrases left.
  const counts = new Map<string, number>();
  for (const t of stream.split(' ')) if (t) counts.set(t, (counts.get(t) || 0) + 1);
  for (const e of singles) {
    const c = counts.get(e.key.slice(1, -1));
    if (c) hits.set(e, c);
  }
  return hits;
}
