/** The compact posting pool and the store around it: lists survive growth and compaction, snapshots of both formats load. */
import { describe, expect, it } from 'vitest';
import { Index } from 'flexsearch';
import { PostingPool } from '../../../lib/search/postings';
import { createSearchIndex, type SearchableClip, type SearchSnapshot, type SearchSnapshotV2, type StoredDoc } from '../../../lib/search/index';
import { unpackStrings } from '../../../lib/search/pack';
import { seededRandom as rng } from '../../helpers/seeded-random';

describe('PostingPool', () => {
  it('keeps every term list intact across block growth, interleaved appends and compaction', () => {
    const pool = new PostingPool();
    const model: number[][] = Array.from({ length: 300 }, () => []);
    const r = rng(7);
    for (let i = 0; i < 20_000; i++) {
      // Skewed: a few long lists (many blocks) and many short ones.
      const term = Math.floor(r() ** 3 * model.length);
      const entry = (i << 4) | Math.floor(r() * 12);
      pool.push(term, entry);
      model[term]!.push(entry);
    }
    model.forEach((list, term) => {
      expect(pool.size(term)).toBe(list.length);
      expect([...pool.read(term)]).toEqual(list);
    });
    const gone = new Uint8Array(20_000);
    for (let d = 0; d < gone.length; d += 3) gone[d] = 1;
    const keep = (e: number) => !gone[e >>> 4];
    const left = pool.compact(model.length, gone);
    model.forEach((list, term) => {
      const want = list.filter(keep);
      expect(left[term] ?? 0).toBe(want.length);
      expect([...pool.read(term)]).toEqual(want);
    });
    // Appending after compaction continues the same lists.
    pool.push(5, (99_999 << 4) | 1);
    expect(pool.read(5).at(-1)).toBe((99_999 << 4) | 1);
  });
});

const clip = (id: string, title: string, abstract: string): SearchableClip => ({
  id,
  url: `https://example.com/${id}`,
  title,
  summary: { abstract, keyPoints: [] },
  createdAt: '2024-01-01T00:00:00Z',
});

describe('index store over the pool', () => {
  it('removed clips stop matching before and after bulk compaction, others keep their ranking', () => {
    const index = createSearchIndex();
    for (let i = 0; i < 400; i++) index.add(clip(`c${i}`, `topic${i % 7} report ${i}`, `知识管理 第${i}篇 notes${i % 5}`));
    const before = index.search('topic3', { limit: 100 }).map((h) => h.id);
    // 100 removes pass the compaction threshold (1/8 of live clips).
    for (let i = 0; i < 400; i += 4) index.remove(`c${i}`);
    const after = index.search('topic3', { limit: 100 }).map((h) => h.id);
    expect(after).toEqual(before.filter((id) => Number(id.slice(1)) % 4 !== 0));
    expect(index.search('知识', { limit: 400 }).length).toBe(300);
    expect(index.search('report 8')).toEqual([]);
    expect(index.search('report 9', { prefix: false }).map((h) => h.id)).toEqual(['c9']);
  });

  it('prefix and one-character expansion see terms added after earlier queries', () => {
    const index = createSearchIndex();
    index.add(clip('a', 'Knowledge base', '组织'));
    expect(index.search('know').map((h) => h.id)).toEqual(['a']);
    expect(index.search('织').map((h) => h.id)).toEqual(['a']);
    index.add(clip('b', 'Knot tying', '纺织'));
    expect(index.search('kno').map((h) => h.id).sort()).toEqual(['a', 'b']);
    expect(index.search('织').map((h) => h.id).sort()).toEqual(['a', 'b']);
  });

  /** The packed doc columns as the [num, StoredDoc] pairs older formats hold. */
  function docsOf(v3: SearchSnapshot): Array<[number, StoredDoc]> {
    const d = v3.docs;
    const [id, url, host, title, blurb, site, cat, lang, tags] = [d.id, d.url, d.host, d.title, d.blurb, d.site, d.categoryId, d.lang, d.tags].map(unpackStrings);
    let t = 0;
    return [...d.nums].map((num, i) => {
      const n = d.tagCounts[i]!;
      t += n;
      return [num, { id: id![i]!, url: url![i]!, host: host![i]!, title: title![i]!, blurb: blurb![i]!, site: site![i]!, categoryId: cat![i] === '\u0000' ? null : cat![i]!, tags: tags!.slice(t - n, t), time: d.time[i]!, lang: lang![i]!, terms: d.terms[i]! }];
    });
  }

  /** The cairn-search/2 form of a current snapshot (number arrays, delta-coded doc numbers). */
  function asV2(v3: SearchSnapshot): SearchSnapshotV2 {
    const terms = unpackStrings(v3.terms);
    const postings: number[] = [];
    let at = 1;
    for (let t = 0; t < terms.length; t++) {
      const n = v3.postings[at + 1]!;
      postings.push(n);
      let prev = 0;
      for (let i = 0; i < n; i++) {
        const e = v3.postings[at + 2 + i]!;
        postings.push((((e >>> 4) - prev) << 4) | (e & 15));
        prev = e >>> 4;
      }
      at += 2 + n;
    }
    return { format: 'cairn-search/2', fullText: v3.fullText, nextNum: v3.nextNum, docs: docsOf(v3), terms, postings };
  }

  it('imports a cairn-search/2 snapshot (number arrays) with the same results', () => {
    const index = createSearchIndex();
    [clip('a', 'Rust ownership', '借用与生命周期'), clip('b', 'Memory safety', 'ownership rules 生命'), clip('c', 'Knots', '纺织')].forEach((c) => index.add(c));
    index.remove('c');
    const v2 = asV2(index.exportSnapshot());
    const copy = createSearchIndex();
    copy.importSnapshot(JSON.parse(JSON.stringify(v2)));
    expect(copy.size).toBe(2);
    for (const q of ['ownership', '生命', '生', 'mem', '纺织']) expect(copy.search(q)).toEqual(index.search(q));
    const page = { text: 'ownership and memory safety rules' };
    expect(copy.related(page)).toEqual(index.related(page));
  });

  it('imports a cairn-search/1 snapshot (FlexSearch export) with the same results', () => {
    const index = createSearchIndex();
    const clips = [clip('a', 'Rust ownership', '借用与生命周期'), clip('b', 'Memory safety', 'ownership rules 生命')];
    clips.forEach((c) => index.add(c));
    const v2 = asV2(index.exportSnapshot());
    // Rebuild the old format from the new one: FlexSearch Index with one resolution slot per field × tf level.
    const flex = new Index({ encode: (s: string) => (s ? s.split(' ') : []), resolution: 12 });
    const map = (flex as unknown as { map: Map<string, Array<number[] | undefined>> }).map;
    const reg = (flex as unknown as { reg: Set<number> }).reg;
    let at = 0;
    v2.terms.forEach((term) => {
      const n = v2.postings[at++]!;
      const slots: Array<number[] | undefined> = [];
      let doc = 0;
      for (let i = 0; i < n; i++) {
        const e = v2.postings[at++]!;
        doc += e >>> 4;
        (slots[e & 15] ||= []).push(doc);
        reg.add(doc);
      }
      map.set(term, slots);
    });
    const flexExport: Array<[string, string]> = [];
    flex.export((key: string, data: string) => void flexExport.push([key, data]));
    const v1 = { format: 'cairn-search/1' as const, fullText: false, nextNum: v2.nextNum, docs: v2.docs, vocab: v2.terms, flex: flexExport };
    const copy = createSearchIndex();
    copy.importSnapshot(JSON.parse(JSON.stringify(v1)));
    for (const q of ['ownership', '生命', '生', 'mem']) expect(copy.search(q)).toEqual(index.search(q));
    expect(() => copy.importSnapshot({ format: 'nope' } as never)).toThrow();
  });
  it('prepares search in slices after import: same results whether prepared, half prepared or not', () => {
    const index = createSearchIndex();
    for (let i = 0; i < 40; i++) index.add(clip(`c${i}`, `Knowledge item${i} knot${i}`, `知识管理 第${i}条 组织学习`));
    const snap = index.exportSnapshot();
    const lazy = createSearchIndex();
    lazy.importSnapshot(snap);
    const sliced = createSearchIndex();
    sliced.importSnapshot(snap);
    // One 64-term slice per call when time is always up: several calls before it is done.
    let calls = 1;
    while (!sliced.prepareSearch(() => true)) calls++;
    expect(calls).toBeGreaterThan(1);
    expect(sliced.prepareSearch()).toBe(true);
    sliced.add(clip('late', 'Knotweed later', '知道'));
    lazy.add(clip('late', 'Knotweed later', '知道'));
    index.add(clip('late', 'Knotweed later', '知道'));
    for (const q of ['kno', 'item1', '知', '组织']) {
      expect(sliced.search(q)).toEqual(index.search(q));
      expect(lazy.search(q)).toEqual(index.search(q));
    }
    expect(sliced.search('knotw').map((h) => h.id)).toEqual(['late']);
  });
});
