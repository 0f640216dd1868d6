/**
 * State of "Related to this page" and "Search" in the side panel: the local index (loaded from the
 * snapshot or built in chunks, kept current when clips change), the page the panel follows (read only
 * when allowed) with its related clips, and instant search with filters and a keyboard cursor.
 * Related results are kept per URL for the panel's session (an LRU of RELATED_CACHE_SIZE), so
 * switching back to a tab shows them at once; they are recomputed when the library changed since.
 * Everything it needs from the browser is injected (RecallDeps), so it runs in Node tests.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Clip } from '../clip/types';
import { makeSnippet, highlightText, type Highlighted, type RelatedWhy, type SearchFilters } from '../search';
import type { ClipCard } from '../recall/cards';
import type { LibraryIndex, LoadPlan } from '../recall/library-index';
import { NoAccessError, pageAccess } from '../recall/page-access';
import type { PageInfo } from '../recall/page-text';
import { normalizeUrl } from '../url/canonical';
import { errorMessage } from './send';

/** The tab the panel follows: its id, and its URL when the browser shows it to Cairn. */
export interface FollowedTab {
  id: number;
  url?: string | null;
  title?: string | null;
}

/** What the store needs from its environment. */
export interface RecallDeps {
  loadIndex(onProgress: (done: number, total: number) => void): Promise<LibraryIndex>;
  /** Apply library changes since the index's stamp; returns how many records changed. */
  catchUp(li: LibraryIndex): Promise<number>;
  saveSnapshot(li: LibraryIndex): Promise<void>;
  getClip(id: string): Promise<Clip | null>;
  /** Inject the page reader (only called for a readable, non-excluded URL). */
  readPage(tabId: number): Promise<PageInfo>;
  excludedSites(): Promise<string[]>;
  /** The category the page would be filed under when confident (for "same category"), else null. */
  categoryOf?(info: PageInfo): Promise<string | null>;
  /** Delay before a typed query runs (ms); 0 runs it at once. */
  searchDelayMs?: number;
  /** Delay before saving the snapshot after a change (ms). */
  saveDelayMs?: number;
}

export interface RelatedItem {
  id: string;
  card: ClipCard;
  why: RelatedWhy;
  snippet: Highlighted;
}

export interface SearchItem {
  id: string;
  card: ClipCard;
  title: Highlighted;
  snippet: Highlighted;
}

export type PageStatus = 'idle' | 'reading' | 'ready' | 'no-access' | 'excluded' | 'unreadable' | 'error';

export interface RecallState {
  index: { status: 'idle' | 'loading' | 'ready' | 'error'; done: number; total: number; how: LoadPlan | null; ms: number; size: number; error: string | null };
  /** Bumped on every index change, so views recompute. */
  indexVersion: number;
  page: {
    status: PageStatus;
    tab: FollowedTab | null;
    info: PageInfo | null;
    /** The clip of this very URL, when it is already in the library. */
    thisClip: Clip | null;
    related: RelatedItem[];
    /** The category related() was given: this clip's, else the confident suggestion for the page. */
    categoryId: string | null;
    /** True while showing results kept from an earlier visit (before any refresh). */
    cached: boolean;
    error: string | null;
    /** When related results were last rendered for the followed tab (performance.now()). */
    at: number;
  };
  search: { query: string; filters: SearchFilters; results: SearchItem[]; active: number };

  init(): Promise<void>;
  /** The library changed (background broadcast): catch up the index, refresh what is shown. */
  libraryChanged(): Promise<void>;
  /**
   * Follow a tab (switch or navigation). A URL seen earlier this session shows its kept results at
   * once; `reread` (a navigation, a permission change) then reads the page again in the background.
   */
  showTab(tab: FollowedTab | null, options?: { reread?: boolean }): Promise<void>;
  /** Re-check the followed tab (settings or permission changed). */
  recheck(): Promise<void>;
  setQuery(query: string): void;
  setFilters(filters: SearchFilters): void;
  runSearch(): void;
  moveActive(step: number): void;
  /** Tags and sites known to the index (filter choices). */
  facets(): { tags: string[]; sites: string[] };
}

const RELATED_LIMIT = 8;
/** How many pages' related results the panel keeps for switching back. */
export const RELATED_CACHE_SIZE = 20;

/** Related results kept for one URL, with the index version they were computed on. */
interface KeptRelated {
  info: PageInfo;
  related: RelatedItem[];
  thisClip: Clip | null;
  categoryId: string | null;
  indexVersion: number;
}
const SEARCH_LIMIT = 30;

/** Create the recall store over `deps`. */
export function createRecallStore(deps: RecallDeps): StoreApi<RecallState> {
  let li: LibraryIndex | null = null;
  let loading: Promise<void> | null = null;
  /** The catch-up in progress: the next one starts after it (a large one yields to the UI midway). */
  let catching: Promise<number> = Promise.resolve(0);
  let pageSeq = 0;
  let searchTimer: ReturnType<typeof setTimeout> | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  const searchDelay = deps.searchDelayMs ?? 60;
  const saveDelay = deps.saveDelayMs ?? 1500;
  const kept = new Map<string, KeptRelated>();
  const keyOf = (tab: FollowedTab | null | undefined) => (tab?.url ? normalizeUrl(tab.url) : '');
  const keep = (key: string, entry: KeptRelated) => {
    if (!key) return;
    kept.delete(key);
    kept.set(key, entry);
    while (kept.size > RELATED_CACHE_SIZE) kept.delete(kept.keys().next().value!);
  };

  const scheduleSave = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveTimer = null;
      if (li) deps.saveSnapshot(li).catch(() => undefined);
    }, saveDelay);
  };

  return createStore<RecallState>((set, get) => {
    /** Related clips and "this page" for the current page info, from the current index. */
    async function computeRelated(seq: number): Promise<void> {
      const { info, tab } = get().page;
      if (!info || !li) return;
      const url = info.url || tab?.url || '';
      const key = url ? normalizeUrl(url) : '';
      const thisId = key ? li.byUrl.get(key) ?? null : null;
      // "Same category": the clip's own filing when the page is clipped, else the confident suggestion.
      const categoryId = (thisId ? li.cards.get(thisId)?.categoryId : null) ?? get().page.categoryId ?? null;
      const hits = li.index.related({ title: info.title, url, siteName: info.siteName, text: info.text, categoryId }, { limit: RELATED_LIMIT + 1, excludeUrl: url || null });
      const related: RelatedItem[] = [];
      for (const hit of hits) {
        const card = li.cards.get(hit.id);
        if (!card || hit.id === thisId) continue;
        related.push({ id: hit.id, card, why: hit.why, snippet: makeSnippet(card.blurb, hit.why.terms) });
        if (related.length === RELATED_LIMIT) break;
      }
      let thisClip: Clip | null = null;
      if (thisId) thisClip = await deps.getClip(thisId).catch(() => null);
      if (seq !== pageSeq) return;
      const live = thisClip && !thisClip.deletedAt ? thisClip : null;
      keep(keyOf(tab), { info, related, thisClip: live, categoryId, indexVersion: get().indexVersion });
      set({ page: { ...get().page, status: 'ready', related, thisClip: live, categoryId, cached: false, error: null, at: performance.now() } });
    }

    /** The confident category of a page that is not a clip yet (null when none, or on failure). */
    async function suggestedCategory(info: PageInfo, tab: FollowedTab): Promise<string | null> {
      if (!deps.categoryOf) return null;
      const key = normalizeUrl(info.url || tab.url || '');
      if (li && key && li.byUrl.has(key)) return null; // the clip's own category is used
      return deps.categoryOf(info).catch(() => null);
    }

    /** Read the page and relate it; `quiet` keeps what is shown (kept results) until the new ones are ready. */
    async function readAndRelate(tab: FollowedTab, seq: number, quiet = false): Promise<void> {
      const base = { tab, info: null, thisClip: null, related: [], categoryId: null, cached: false, error: null, at: performance.now() };
      if (!quiet) set({ page: { ...base, status: 'reading' } });
      let info: PageInfo;
      try {
        info = await deps.readPage(tab.id);
      } catch (err) {
        if (seq !== pageSeq) return;
        return set({ page: { ...base, status: err instanceof NoAccessError ? 'no-access' : 'error', error: errorMessage(err) } });
      }
      if (seq !== pageSeq) return;
      const categoryId = await suggestedCategory(info, tab);
      if (seq !== pageSeq) return;
      set({ page: { ...get().page, info, categoryId } });
      if (li) await computeRelated(seq);
    }

    return {
      index: { status: 'idle', done: 0, total: 0, how: null, ms: 0, size: 0, error: null },
      indexVersion: 0,
      page: { status: 'idle', tab: null, info: null, thisClip: null, related: [], categoryId: null, cached: false, error: null, at: 0 },
      search: { query: '', filters: {}, results: [], active: -1 },

      init() {
        loading ??= (async () => {
          set({ index: { ...get().index, status: 'loading', error: null } });
          try {
            li = await deps.loadIndex((done, total) => set({ index: { ...get().index, done, total } }));
            set({ index: { status: 'ready', done: li.cards.size, total: li.cards.size, how: li.how, ms: li.ms, size: li.index.size, error: null }, indexVersion: get().indexVersion + 1 });
            if (li.how !== 'fresh') scheduleSave();
            if (get().page.info) await computeRelated(pageSeq);
            if (get().search.query || Object.keys(get().search.filters).length) get().runSearch();
          } catch (err) {
            loading = null;
            set({ index: { ...get().index, status: 'error', error: errorMessage(err) } });
          }
        })();
        return loading;
      },

      async libraryChanged() {
        if (!li) return get().init();
        const index = li;
        catching = catching.then(() => deps.catchUp(index)).catch(() => 0);
        const changed = await catching;
        if (!changed) return;
        set({ index: { ...get().index, size: li.index.size }, indexVersion: get().indexVersion + 1 });
        scheduleSave();
        if (get().page.info) await computeRelated(pageSeq);
        get().runSearch();
      },

      async showTab(tab, options = {}) {
        const seq = ++pageSeq;
        const none = { tab, info: null, thisClip: null, related: [], categoryId: null, cached: false, error: null, at: performance.now() };
        if (!tab) return set({ page: { ...none, status: 'no-access' } });
        // Access is decided before anything else, kept results included: an excluded site stays unread and unshown.
        const access = pageAccess(tab.url, await deps.excludedSites().catch(() => []));
        if (seq !== pageSeq) return;
        if (access.kind === 'no-access') return set({ page: { ...none, status: 'no-access' } });
        if (access.kind === 'excluded') return set({ page: { ...none, status: 'excluded' } });
        if (access.kind === 'unreadable') return set({ page: { ...none, status: 'unreadable', error: access.reason } });
        const key = keyOf(tab);
        const hit = key ? kept.get(key) : undefined;
        if (!hit || !li) return readAndRelate(tab, seq);
        keep(key, hit);
        set({ page: { status: 'ready', tab, info: hit.info, thisClip: hit.thisClip, related: hit.related, categoryId: hit.categoryId, cached: true, error: null, at: performance.now() } });
        if (options.reread) return readAndRelate(tab, seq, true);
        // The library changed since these were computed: recompute from the page text already read.
        if (hit.indexVersion !== get().indexVersion) await computeRelated(seq);
      },

      async recheck() {
        const tab = get().page.tab;
        if (tab) await get().showTab(tab, { reread: true });
      },

      setQuery(query) {
        set({ search: { ...get().search, query } });
        if (searchTimer) clearTimeout(searchTimer);
        if (searchDelay <= 0) return get().runSearch();
        searchTimer = setTimeout(() => { searchTimer = null; get().runSearch(); }, searchDelay);
      },

      setFilters(filters) {
        set({ search: { ...get().search, filters } });
        get().runSearch();
      },

      runSearch() {
        const { query, filters } = get().search;
        const hasFilter = Object.values(filters).some((v) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
        if (!li || (!query.trim() && !hasFilter)) {
          set({ search: { ...get().search, results: [], active: -1 } });
          return;
        }
        let items: SearchItem[];
        if (query.trim()) {
          items = li.index.search(query, { limit: SEARCH_LIMIT, filters }).flatMap((hit) => {
            const card = li!.cards.get(hit.id);
            return card ? [{ id: hit.id, card, title: hit.title, snippet: hit.snippet }] : [];
          });
        } else {
          // Filters alone: the newest matching clips.
          items = browseByFilters([...li.cards.values()], filters).slice(0, SEARCH_LIMIT)
            .map((card) => ({ id: card.id, card, title: highlightText(card.title, []), snippet: highlightText(card.blurb.slice(0, 200), []) }));
        }
        set({ search: { ...get().search, results: items, active: items.length ? 0 : -1 } });
      },

      moveActive(step) {
        const { results, active } = get().search;
        if (!results.length) return;
        set({ search: { ...get().search, active: (active + step + results.length) % results.length } });
      },

      facets() {
        const tags = new Map<string, number>();
        const sites = new Map<string, number>();
        for (const c of li?.cards.values() ?? []) {
          for (const t of c.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
          if (c.site) sites.set(c.site, (sites.get(c.site) ?? 0) + 1);
        }
        const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
        return { tags: top(tags), sites: top(sites).slice(0, 200) };
      },
    };
  });
}

function toTime(v: string | number | Date | undefined): number | null {
  if (v === undefined || v === '') return null;
  const t = v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Date.parse(v);
  return Number.isFinite(t) ? t : null;
}

/** Cards matching filters, newest first (for a filter-only search). */
export function browseByFilters(cards: ClipCard[], filters: SearchFilters): ClipCard[] {
  const cats = filters.categoryId === undefined ? null : new Set([filters.categoryId].flat());
  const tags = (filters.tags ?? []).map((t) => t.toLowerCase());
  const site = filters.site?.toLowerCase().replace(/^www\./, '');
  const from = toTime(filters.from);
  const to = toTime(filters.to);
  return cards
    .filter((c) => {
      if (cats && !(c.categoryId && cats.has(c.categoryId))) return false;
      if (tags.length && !tags.every((t) => c.tags.some((x) => x.toLowerCase() === t))) return false;
      if (site && !(c.site.toLowerCase() === site || c.site.toLowerCase().endsWith('.' + site))) return false;
      const at = Date.parse(c.createdAt);
      if (from !== null && at < from) return false;
      if (to !== null && at > to) return false;
      return true;
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}
