/**
 * Anchoring quality harness shared by the quality test and bench:anchoring. On each fixture page it makes
 * seeded highlights (phrases of 3–40 words, or 5–60 CJK characters, inside paragraphs), describes them, then
 * alters a copy of the page and re-anchors. The true place after an alteration is tracked by wrapping the
 * original quote in marks (highlightRange) before altering: marks are inline, so they change neither the
 * normalized text nor anything the anchoring code reads.
 */
import { parseHtml } from '../../helpers/dom';
import { listFixturePages, loadFixturePage } from '../../helpers/fixtures';
import { buildTextIndex, offsetOfPoint, rangeFromOffsets, type TextIndex } from '../../../lib/highlight/text-index';
import { describeRange, describeRangeInIndex } from '../../../lib/highlight/describe';
import { anchorInIndex } from '../../../lib/highlight/anchor';
import { editDistance } from '../../../lib/highlight/approx-search';
import { highlightRange, HIGHLIGHT_ATTR } from '../../../lib/highlight/mark';
import type { AnchorMatch, HighlightAnchor } from '../../../lib/highlight/types';
import { seededRandom } from '../../helpers/seeded-random';

/** Alterations that keep the highlighted text (must re-attach) and those that remove it (must orphan). */
export const KEEP_KINDS = ['insert-before', 'markup-whitespace', 'edit-near', 'combined'] as const;
export const ORPHAN_KINDS = ['deleted', 'rewritten'] as const;
/** Small edits inside the quote: reported (fuzzy matching), not part of the ≥95% figure. */
export const INSIDE_KIND = 'edit-inside' as const;
export type KeepKind = (typeof KEEP_KINDS)[number];
export type Kind = KeepKind | (typeof ORPHAN_KINDS)[number] | typeof INSIDE_KIND;

const PARAGRAPHS = 'p, li, blockquote, dd';
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/gu;

/** A generated highlight: its paragraph (n-th match of PARAGRAPHS), offsets and description on the original. */
export interface GeneratedHighlight {
  paragraph: number;
  start: number;
  end: number;
  anchor: HighlightAnchor;
}

export interface PageCase {
  name: string;
  source: string;
  highlights: GeneratedHighlight[];
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const between = (rand: () => number, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

function parse(source: string): Document {
  return parseHtml(source, 'http://fakehost/test/page.html').document;
}

/** Free a parsed page's jsdom window (hundreds of pages are parsed in one run). */
function release(doc: Document): void {
  (doc.defaultView as unknown as { close(): void } | null)?.close();
}

function elementOffsets(index: TextIndex, el: Element): [number, number] {
  let s = offsetOfPoint(index, el, 0);
  let e = offsetOfPoint(index, el, el.childNodes.length);
  while (s < e && index.text[s] === ' ') s++;
  while (e > s && index.text[e - 1] === ' ') e--;
  return [s, e];
}

/** Make up to `count` highlights on distinct paragraphs of a page (null when the page has no usable paragraph). */
export function generateCase(name: string, source: string, rand: () => number, count = 5): PageCase | null {
  const doc = parse(source);
  try {
    return generateOn(doc, name, source, rand, count);
  } finally {
    release(doc);
  }
}

function generateOn(doc: Document, name: string, source: string, rand: () => number, count: number): PageCase | null {
  const root = doc.body;
  const index = buildTextIndex(root);
  const paras = Array.from(root.querySelectorAll(PARAGRAPHS));
  const usable: Array<{ i: number; s: number; e: number }> = [];
  paras.forEach((el, i) => {
    if (el.querySelector(PARAGRAPHS)) return; // innermost only
    const [s, e] = elementOffsets(index, el);
    if (e - s >= 40) usable.push({ i, s, e });
  });
  if (!usable.length) return null;
  const chosen: typeof usable = [];
  while (chosen.length < Math.min(count, usable.length)) {
    const u = pick(rand, usable);
    if (!chosen.includes(u)) chosen.push(u);
  }
  chosen.sort((a, b) => a.s - b.s);
  const highlights: GeneratedHighlight[] = [];
  for (const { i, s, e } of chosen) {
    const para = index.text.slice(s, e);
    const cjk = (para.match(CJK)?.length ?? 0) / para.length > 0.3;
    let qs: number;
    let qe: number;
    if (cjk) {
      const len = Math.min(between(rand, 5, 60), para.length);
      qs = s + between(rand, 0, para.length - len);
      qe = qs + len;
    } else {
      const words = [...para.matchAll(/\S+/g)];
      if (words.length < 3) continue;
      const n = Math.min(between(rand, 3, 40), words.length);
      const w = between(rand, 0, words.length - n);
      qs = s + words[w].index!;
      qe = s + words[w + n - 1].index! + words[w + n - 1][0].length;
    }
    // The first highlight goes through describeRange itself; the rest reuse the page's index.
    const range = rangeFromOffsets(index, qs, qe);
    const anchor = highlights.length ? describeRangeInIndex(index, range) : describeRange(root, range);
    if (!anchor) continue;
    highlights.push({ paragraph: i, start: anchor.position.start, end: anchor.position.end, anchor });
  }
  return highlights.length ? { name, source, highlights } : null;
}

/** Seed for one page: the same page gets the same highlights whichever subset of pages is run. */
function pageSeed(seed: number, name: string): number {
  let h = seed >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** The cases for the fixture pages (all, or those `names`) that have usable paragraphs, seeded per page. */
export function generateCases(seed = 20240601, perPage = 5, names: readonly string[] = listFixturePages()): PageCase[] {
  const out: PageCase[] = [];
  for (const name of names) {
    const c = generateCase(name, loadFixturePage(name).source, seededRandom(pageSeed(seed, name)), perPage);
    if (c) out.push(c);
  }
  return out;
}

// ——— alterations ———

const truthId = (i: number) => `truth-${i}`;
const truthMarks = (root: Element, i: number) =>
  Array.from(root.querySelectorAll(`[${HIGHLIGHT_ATTR}]`)).filter((m) => m.getAttribute(HIGHLIGHT_ATTR) === truthId(i));

function textNodesIn(root: Node): Text[] {
  const out: Text[] = [];
  const walker = root.ownerDocument!.createTreeWalker(root, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

function insideTruth(t: Node): boolean {
  for (let el = t.parentElement; el; el = el.parentElement) if (el.hasAttribute(HIGHLIGHT_ATTR)) return true;
  return false;
}

/** Random filler text drawn from the page itself, away from every highlight. */
function fillerText(index: TextIndex, c: PageCase, rand: () => number): string {
  const parts: string[] = [];
  for (let tries = 0; parts.length < 3 && tries < 50; tries++) {
    const len = between(rand, 30, 160);
    if (index.text.length < len + 1) break;
    const at = between(rand, 0, index.text.length - len);
    if (c.highlights.some((h) => at < h.end + 40 && at + len > h.start - 40)) continue;
    // Pages that repeat themselves could hand us a copy of a quote: inserting that would make the test ambiguous.
    const slice = index.text.slice(at, at + len);
    if (c.highlights.some((h) => slice.includes(h.anchor.quote.exact.slice(0, 12)) || slice.includes(h.anchor.quote.exact.slice(-12)))) continue;
    parts.push(slice);
  }
  return parts.join(' ') || 'Inserted paragraph of new text.';
}

function insertBefore(doc: Document, root: Element, index: TextIndex, c: PageCase, rand: () => number) {
  c.highlights.forEach((_, i) => {
    const first = truthMarks(root, i)[0];
    if (!first) return;
    const para = first.closest(PARAGRAPHS.split(', ').concat('div').join(', ')) ?? first.parentElement!;
    for (let n = between(rand, 1, 3); n > 0; n--) {
      const p = doc.createElement('p');
      p.textContent = fillerText(index, c, rand);
      para.parentNode!.insertBefore(p, para);
    }
  });
  const top = doc.createElement('p');
  top.textContent = fillerText(index, c, rand);
  root.insertBefore(top, root.firstChild);
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Replace a few words in the text within ~60 characters before and after each quote (never inside one). */
function editNear(doc: Document, root: Element, c: PageCase, rand: () => number) {
  const all = textNodesIn(root);
  const vocab = ['river', 'quietly', 'seven', 'market', 'orange', 'lantern', '改动', '新的', '今天', 'Zeitung'];
  const editAround = (nodes: Text[], fromEnd: boolean) => {
    let budget = 60;
    let edits = between(rand, 1, 3);
    for (const t of nodes) {
      if (budget <= 0 || edits <= 0) break;
      if (insideTruth(t) || !t.parentElement || t.parentElement.closest('script, style')) continue;
      const words = [...t.data.matchAll(WORD)];
      const near = fromEnd ? words.filter((w) => t.data.length - w.index! <= budget) : words.filter((w) => w.index! + w[0].length <= budget);
      budget -= t.data.length;
      for (const w of near.reverse().slice(0, edits)) {
        t.data = t.data.slice(0, w.index!) + pick(rand, vocab) + t.data.slice(w.index! + w[0].length);
        edits--;
      }
    }
  };
  c.highlights.forEach((_, i) => {
    const marks = truthMarks(root, i);
    if (!marks.length) return;
    const firstText = textNodesIn(marks[0])[0];
    const lastMarkTexts = textNodesIn(marks[marks.length - 1]);
    const a = all.indexOf(firstText);
    const b = all.indexOf(lastMarkTexts[lastMarkTexts.length - 1]);
    editAround(all.slice(Math.max(0, a - 6), a).reverse(), true);
    editAround(all.slice(b + 1, b + 7), false);
  });
  void doc;
}

const BLOCKS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'TABLE', 'TR', 'TD']);

/** Blocks around each highlight: its paragraph and two element siblings either side (where edits are made). */
function neighbourhoods(root: Element, c: PageCase): Element[] {
  const out = new Set<Element>();
  c.highlights.forEach((_, i) => {
    const first = truthMarks(root, i)[0];
    const para = first?.closest(PARAGRAPHS);
    if (!para) return;
    out.add(para);
    let prev = para.previousElementSibling;
    let next = para.nextElementSibling;
    for (let n = 0; n < 2; n++) {
      if (prev) out.add(prev), (prev = prev.previousElementSibling);
      if (next) out.add(next), (next = next.nextElementSibling);
    }
  });
  return [...out];
}

/**
 * Wrap words in <span>/<b> and re-indent whitespace around each highlight (inside the quote too), put
 * indentation between block elements, and turn every <p> on the page into a <div>. (Word wrapping is kept
 * near the highlights: jsdom re-indexes a parent's children on every split, so wrapping a whole large page
 * would take minutes.)
 */
function changeMarkup(doc: Document, root: Element, c: PageCase, rand: () => number) {
  for (const block of neighbourhoods(root, c)) {
    for (const t of textNodesIn(block)) {
      if (t.parentElement?.closest('script, style, noscript, textarea, pre')) continue;
      if (/\S/.test(t.data) && rand() < 0.7) t.data = t.data.replace(/ +/g, () => (rand() < 0.3 ? '\n' + ' '.repeat(between(rand, 2, 12)) : ' '));
      const words = [...t.data.matchAll(/\S+/g)];
      if (!words.length || rand() < 0.3) continue;
      const w = pick(rand, words);
      const wrap = doc.createElement(rand() < 0.5 ? 'span' : 'b');
      wrap.textContent = w[0];
      t.replaceWith(doc.createTextNode(t.data.slice(0, w.index!)), wrap, doc.createTextNode(t.data.slice(w.index! + w[0].length)));
    }
    for (const el of [block, ...Array.from(block.querySelectorAll('*'))]) {
      if (!BLOCKS.has(el.tagName) || !el.parentNode || rand() < 0.5) continue;
      if (el.parentElement && ['TR', 'TABLE', 'UL', 'OL', 'TBODY'].includes(el.parentElement.tagName)) continue;
      el.parentNode.insertBefore(doc.createTextNode('\n' + ' '.repeat(between(rand, 0, 16))), el);
    }
  }
  for (const p of Array.from(root.querySelectorAll('p'))) {
    const div = doc.createElement('div');
    for (const a of Array.from(p.attributes)) div.setAttribute(a.name, a.value);
    while (p.firstChild) div.appendChild(p.firstChild);
    p.replaceWith(div);
  }
}

/** Remove each quote's text, or replace it with text from elsewhere on the page. */
function removeOrRewrite(root: Element, index: TextIndex, c: PageCase, rand: () => number, rewrite: boolean) {
  c.highlights.forEach((h, i) => {
    const marks = truthMarks(root, i);
    const len = h.end - h.start;
    marks.forEach((m, j) => {
      if (rewrite && j === 0) {
        let replacement = '';
        for (let tries = 0; tries < 20 && !replacement; tries++) {
          const at = between(rand, 0, Math.max(0, index.text.length - len));
          if (c.highlights.some((o) => at < o.end && at + len > o.start)) continue;
          replacement = index.text.slice(at, at + len);
        }
        m.replaceWith(m.ownerDocument.createTextNode(replacement || 'rewritten'));
      } else m.remove();
    });
  });
}

/** A small edit inside each quote: one word replaced (or, for CJK, one character), when the quote is long enough. */
function editInside(root: Element, c: PageCase, rand: () => number): boolean[] {
  return c.highlights.map((h, i) => {
    if (h.end - h.start < 20) return false;
    const texts = truthMarks(root, i).flatMap((m) => textNodesIn(m)).filter((t) => /[\p{L}\p{N}]/u.test(t.data));
    if (!texts.length) return false;
    const t = pick(rand, texts);
    const words = [...t.data.matchAll(WORD)];
    const w = pick(rand, words);
    const cjk = /[\u3400-\u9fff]/u.test(w[0]);
    const at = w.index! + (cjk ? between(rand, 0, w[0].length - 1) : 0);
    const n = cjk ? 1 : w[0].length;
    t.data = t.data.slice(0, at) + (cjk ? '变' : 'changed') + t.data.slice(at + n);
    return true;
  });
}

export interface Outcome {
  page: string;
  kind: Kind;
  quote: string;
  /** Whether the test expects this highlight to re-attach (false: expected orphan). */
  expectAttach: boolean;
  attached: boolean;
  correct: boolean;
  confidence: number | null;
  /** For orphan cases that attached: whether the exact quote still occurs somewhere on the altered page. */
  quoteStillOnPage?: boolean;
  /** What the anchor matched, and where the truth was (offsets in the altered page's text), for diagnosis. */
  found?: string;
  offsets?: { got: [number, number] | null; truth: [number, number] | null };
}

/** Apply one alteration kind to a fresh copy of the page and re-anchor every highlight. */
export function runAlteration(c: PageCase, kind: Kind, seed: number, base?: Document): Outcome[] {
  const rand = seededRandom(seed);
  const doc = base ? (base.cloneNode(true) as Document) : parse(c.source);
  try {
    return alterAndAnchor(doc, c, kind, rand);
  } finally {
    if (!base) release(doc);
  }
}

function alterAndAnchor(doc: Document, c: PageCase, kind: Kind, rand: () => number): Outcome[] {
  const root = doc.body;
  const original = buildTextIndex(root);
  // Truth marks, last highlight first so earlier offsets stay valid while text nodes are split.
  [...c.highlights].map((h, i) => ({ h, i })).reverse().forEach(({ h, i }) => {
    highlightRange(doc, rangeFromOffsets(original, h.start, h.end), { id: truthId(i), color: 'yellow' });
  });
  let applies = c.highlights.map(() => true);
  if (kind === 'insert-before') insertBefore(doc, root, original, c, rand);
  else if (kind === 'markup-whitespace') changeMarkup(doc, root, c, rand);
  else if (kind === 'edit-near') editNear(doc, root, c, rand);
  else if (kind === 'combined') {
    editNear(doc, root, c, rand);
    insertBefore(doc, root, original, c, rand);
    changeMarkup(doc, root, c, rand);
  } else if (kind === 'deleted') removeOrRewrite(root, original, c, rand, false);
  else if (kind === 'rewritten') removeOrRewrite(root, original, c, rand, true);
  else applies = editInside(root, c, rand);

  const after = buildTextIndex(root);
  const results: Array<AnchorMatch | null> = c.highlights.map((h) => anchorInIndex(after, h.anchor));
  const expectAttach = kind !== 'deleted' && kind !== 'rewritten';
  const out: Outcome[] = [];
  c.highlights.forEach((h, i) => {
    if (!applies[i]) return;
    const quote = h.anchor.quote.exact;
    const m = results[i];
    const found = m ? after.text.slice(m.start, m.end) : undefined;
    const base = { page: c.name, kind, quote, expectAttach, attached: !!m, confidence: m?.confidence ?? null, found };
    if (!expectAttach) {
      out.push({ ...base, correct: !m, quoteStillOnPage: m ? after.text.includes(quote) : undefined });
      return;
    }
    const marks = truthMarks(root, i);
    const [ts] = elementOffsets(after, marks[0]);
    const [, te] = elementOffsets(after, marks[marks.length - 1]);
    let correct = false;
    if (m) {
      const tol = Math.max(2, Math.floor(0.1 * quote.length));
      const got = after.text.slice(m.start, m.end);
      // Compared with the text now at the true place (for edit-inside it differs from the stored quote).
      correct = Math.abs(m.start - ts) <= tol && Math.abs(m.end - te) <= tol && editDistance(got, after.text.slice(ts, te)) <= tol;
    }
    out.push({ ...base, correct, offsets: { got: m ? [m.start, m.end] : null, truth: [ts, te] } });
  });
  return out;
}

export interface KindFigures {
  kind: Kind;
  total: number;
  correct: number;
  attached: number;
  rate: number;
}

/** Figures per alteration kind: `rate` is re-attach correctness (keep kinds) or correct orphaning (orphan kinds). */
export function summarize(outcomes: Outcome[]): Record<string, KindFigures> {
  const out: Record<string, KindFigures> = {};
  for (const o of outcomes) {
    const f = (out[o.kind] ??= { kind: o.kind, total: 0, correct: 0, attached: 0, rate: 0 });
    f.total++;
    if (o.correct) f.correct++;
    if (o.attached) f.attached++;
  }
  for (const f of Object.values(out)) f.rate = f.total ? f.correct / f.total : 0;
  return out;
}

/** Run every kind over the cases (seeded per page and kind). */
export function evaluate(cases: PageCase[], kinds: readonly Kind[] = [...KEEP_KINDS, ...ORPHAN_KINDS, INSIDE_KIND]): Outcome[] {
  const out: Outcome[] = [];
  cases.forEach((c, pi) => {
    const base = parse(c.source);
    kinds.forEach((k, ki) => out.push(...runAlteration(c, k, 1000 * pi + ki + 1, base)));
    release(base);
  });
  return out;
}
