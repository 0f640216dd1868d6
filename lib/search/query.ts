/** Query parsing: a typed query becomes parts that must each match (words, CJK bigrams, single characters). */
import { cjkBigrams, foldForSearch, rawTokens, stemWord, wordTerm } from './tokenize';
import { EN_STOPWORDS } from '../text/stopwords';

/** One part of a query; a clip matches the part when it holds any of the part's terms. */
export interface QueryPart {
  kind: 'word' | 'prefix' | 'bigram' | 'char';
  /** The exact index term (null for a stopword typed as a prefix: only its completions count). */
  term: string | null;
  /** Folded text typed by the user, used to expand prefixes and characters. */
  raw: string;
}

/** A parsed query: the parts to match and the folded strings to mark in titles and snippets. */
export interface ParsedQuery {
  parts: QueryPart[];
  needles: string[];
}

/**
 * Parse a query. With `prefix` (search as you type) the last word also matches as a prefix unless
 * the query ends with a space. A lone CJK character matches any clip containing it.
 */
export function parseQuery(query: string, prefix = true): ParsedQuery {
  const folded = foldForSearch(query || '');
  const toks = rawTokens(folded);
  const typing = prefix && !/\s$/.test(folded);
  const parts: QueryPart[] = [];
  const needles = new Set<string>();
  toks.forEach((tok, i) => {
    const last = i === toks.length - 1;
    if (tok.cjk) {
      needles.add(tok.text);
      const grams = cjkBigrams(tok.text);
      if (grams.length === 1 && Array.from(grams[0]!).length === 1) {
        parts.push({ kind: 'char', term: grams[0]!, raw: grams[0]! });
      } else {
        for (const g of grams) {
          parts.push({ kind: 'bigram', term: g, raw: g });
          needles.add(g); // marks partial matches too ("组织" and "学习" in "学习型组织")
        }
      }
      return;
    }
    const term = wordTerm(tok.text);
    if (typing && last && tok.text.length >= 2) {
      needles.add(tok.text);
      parts.push({ kind: 'prefix', term, raw: tok.text });
    } else if (term) {
      needles.add(tok.text);
      if (term !== tok.text) needles.add(term);
      parts.push({ kind: 'word', term, raw: tok.text });
    } else if (tok.text.length === 1 && !EN_STOPWORDS.has(tok.text) && typing && last) {
      needles.add(tok.text);
      parts.push({ kind: 'prefix', term: null, raw: tok.text });
    }
  });
  // Stems also mark their plural/singular forms ("study" marks "studies").
  for (const p of parts) if (p.term && p.kind !== 'bigram' && p.kind !== 'char') needles.add(stemWord(p.term));
  return { parts, needles: [...needles].filter(Boolean) };
}
