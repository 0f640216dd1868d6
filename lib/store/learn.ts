/**
 * Learning in a page: this user's counters for the open clip (opens, helpful mark), the team's insights
 * (most useful, stale, per category, contributions), the team feed with its category filter, and how many
 * feed items are new since this user last looked at the Team view (the stamp is kept on this device).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Clip } from '../clip/types';
import type { FeedItem, InsightsResponse } from '../sync/protocol';
import type { ClipUsageCount, OpenSource } from '../usage/counters';
import { errorMessage, type Send } from './send';

/** Where the last-visit stamp lives (localStorage in the panel, a variable in tests). */
export interface VisitStamp {
  get(): string | null;
  set(at: string): void;
}

export interface LearnState {
  insights: InsightsResponse | null;
  feed: FeedItem[];
  /** The feed's category filter (null: all). */
  category: string | null;
  /** This user's counters per clip, as loaded. */
  usage: Record<string, ClipUsageCount>;
  /** Feed items by others newer than the last visit (the Team tab's badge). */
  newCount: number;
  /** When this user last opened the Team view (ISO), or null. */
  lastVisit: string | null;
  error: string | null;

  /** Count an open from Related or Search (errors are swallowed: counting never gets in the way of reading). */
  open(id: string, from: OpenSource): Promise<void>;
  loadUsage(id: string): Promise<void>;
  toggleHelpful(id: string): Promise<void>;
  loadInsights(): Promise<void>;
  loadFeed(category?: string | null): Promise<void>;
  /** Ask how many items are new since the last visit (`me`: this member, whose own items are not news). */
  refreshNew(me: string | null): Promise<void>;
  /** The Team view was opened: everything so far is seen. */
  visited(): void;
}

/** Create the learn store over `send`; `stamp` keeps the last visit; `now` stamps it. */
export function createLearnStore(send: Send, stamp: VisitStamp, now: () => number = Date.now): StoreApi<LearnState> {
  return createStore<LearnState>((set, get) => ({
    insights: null,
    feed: [],
    category: null,
    usage: {},
    newCount: 0,
    lastVisit: stamp.get(),
    error: null,

    async open(id, from) {
      try {
        const usage = await send('usage:open', { id, from });
        set({ usage: { ...get().usage, [id]: usage } });
      } catch {
        // Counting is best effort; the clip opens regardless.
      }
    },

    async loadUsage(id) {
      try {
        const usage = await send('usage:get', { id });
        set({ usage: { ...get().usage, [id]: usage } });
      } catch (err) {
        set({ error: errorMessage(err) });
      }
    },

    async toggleHelpful(id) {
      const helpful = !(get().usage[id]?.helpful ?? false);
      try {
        const usage = await send('usage:helpful', { id, helpful });
        set({ usage: { ...get().usage, [id]: usage }, error: null });
      } catch (err) {
        set({ error: errorMessage(err) });
      }
    },

    async loadInsights() {
      try {
        set({ insights: await send('team:insights', {}), error: null });
      } catch (err) {
        set({ error: errorMessage(err) });
      }
    },

    async loadFeed(category = get().category) {
      set({ category });
      try {
        const answer = await send('team:feed', category ? { category } : {});
        if (get().category === category) set({ feed: answer.items, error: null });
      } catch (err) {
        set({ error: errorMessage(err) });
      }
    },

    async refreshNew(me) {
      const since = get().lastVisit;
      try {
        const answer = await send('team:feed', since ? { since } : {});
        set({ newCount: countNew(answer.items, me) });
      } catch {
        // Offline or not connected: no badge rather than an error in every view.
      }
    },

    visited() {
      const at = new Date(now()).toISOString();
      stamp.set(at);
      set({ lastVisit: at, newCount: 0 });
    },
  }));
}

/** Feed items that are news to `me`: everything except what this member did. */
export function countNew(items: readonly FeedItem[], me: string | null): number {
  return items.filter((i) => i.member.memberId !== me).length;
}

/** One contributor to a clip and what they gave it, for the reader. */
export interface ClipContributor {
  name: string;
  shared: boolean;
  noted: boolean;
  /** Highlights this member made on the clip (HIGHLIGHTS HOOK: 0 until clips carry highlights). */
  highlights: number;
}

/** Who contributed to a clip: its author (shared it) and every member who wrote a note, in that order. */
export function clipContributors(clip: Pick<Clip, 'author' | 'teamNotes'>): ClipContributor[] {
  const byMember = new Map<string, ClipContributor>();
  const add = (memberId: string, name: string) => {
    let c = byMember.get(memberId);
    if (!c) byMember.set(memberId, (c = { name, shared: false, noted: false, highlights: 0 }));
    return c;
  };
  if (clip.author) add(clip.author.id, clip.author.name).shared = true;
  for (const note of clip.teamNotes ?? []) if (note.note.trim()) add(note.memberId, note.name).noted = true;
  return [...byMember.values()];
}
