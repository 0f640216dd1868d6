/** The panel's learning wiring: one learn store per page, the Team tab badge, and the reader's helpful toggle and contributors. */
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { Category } from '../../lib/categorize/types';
import type { Clip } from '../../lib/clip/types';
import { clipContributors, createLearnStore, type LearnState, type VisitStamp } from '../../lib/store/learn';
import type { Send } from '../../lib/store/send';
import { ClipLearning } from '../../components/LearnPanels';
import { useI18n } from '../../components/i18n';

const stores = new WeakMap<object, StoreApi<LearnState>>();
const LAST_VISIT_KEY = 'cairn.team.lastVisit';

/** The last Team view visit, kept in this browser's local storage (never sent anywhere). */
function localVisitStamp(): VisitStamp {
  return {
    get: () => {
      try {
        return localStorage.getItem(LAST_VISIT_KEY);
      } catch {
        return null;
      }
    },
    set: (at) => {
      try {
        localStorage.setItem(LAST_VISIT_KEY, at);
      } catch {
        // Storage refused (private mode): the badge just counts from the start again.
      }
    },
  };
}

/** The page's learn store (made on first use). */
export function learnOf(services: { send: Send }): StoreApi<LearnState> {
  let store = stores.get(services);
  if (!store) stores.set(services, (store = createLearnStore(services.send, localVisitStamp())));
  return store;
}

/** The Team tab's count of new feed items: refreshed after each sync, cleared (and stamped) when the Team view is open. */
export function useTeamBadge(learn: StoreApi<LearnState>, input: { teamOpen: boolean; memberId: string | null; lastSyncedAt: number | null }): number {
  const newCount = useStore(learn, (s) => s.newCount);
  useEffect(() => {
    if (input.teamOpen) learn.getState().visited();
    else if (input.memberId) void learn.getState().refreshNew(input.memberId);
  }, [learn, input.teamOpen, input.memberId, input.lastSyncedAt]);
  return input.teamOpen ? 0 : newCount;
}

/** What TeamView's `learning` prop needs, from the store and the taxonomy. */
export function useTeamLearning(learn: StoreApi<LearnState>, taxonomy: readonly Category[]) {
  const state = useStore(learn);
  const { categoryName } = useI18n();
  return useMemo(() => {
    const byId = new Map(taxonomy.map((c) => [c.id, c]));
    return {
      state,
      categories: taxonomy.map((c) => ({ id: c.id, name: categoryName(c) })),
      categoryName: (id: string | null) => {
        const category = id ? byId.get(id) : undefined;
        return category ? categoryName(category) : (id ?? '');
      },
      onLoad: () => {
        void learn.getState().loadInsights();
        void learn.getState().loadFeed();
      },
      onCategory: (id: string | null) => void learn.getState().loadFeed(id),
    };
  }, [state, taxonomy, categoryName, learn]);
}

/** Under the reader: the helpful toggle, this user's opens, and who contributed to the clip. */
export function ClipLearningPane({ learn, clip }: { learn: StoreApi<LearnState>; clip: Clip }) {
  const usage = useStore(learn, (s) => s.usage[clip.id]);
  useEffect(() => {
    void learn.getState().loadUsage(clip.id);
  }, [learn, clip.id]);
  return (
    <ClipLearning
      helpful={usage?.helpful ?? false}
      opens={usage?.opens ?? 0}
      contributors={clipContributors(clip)}
      onToggleHelpful={() => void learn.getState().toggleHelpful(clip.id)}
    />
  );
}
