/**
 * State of the clip form: capture the tab, let the user edit the draft and filing, save (new or
 * update of an existing clip) and hand back an undo for the toast. Talks to the background only
 * through the injected `send`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Clip, ClipDraft, ClipMode, Summary } from '../clip/types';
import type { CaptureResult, ClipFiling } from '../messaging';
import { draftOf, filingOf } from './clip-draft';
import { errorMessage, type Send } from './send';
import { addTags } from './tags';

export type ClipFormStatus = 'idle' | 'capturing' | 'ready' | 'saving' | 'error';

/** What a save did, with the action that takes it back. */
export interface SaveOutcome {
  kind: 'created' | 'updated';
  clip: Clip;
  undo: () => Promise<void>;
}

/** Draft fields the form lets the user edit. */
export type DraftEdit = Partial<Pick<ClipDraft, 'title' | 'siteName' | 'byline' | 'publishedTime' | 'lang' | 'summary'>>;

export interface ClipFormState {
  status: ClipFormStatus;
  tabId: number | null;
  mode: ClipMode;
  capture: CaptureResult | null;
  draft: ClipDraft | null;
  filing: ClipFiling;
  /** The clip a save would update (from the capture, or the clip this form just saved). */
  existing: Clip | null;
  /** Tags already used in the library, for suggestions. */
  knownTags: string[];
  /** Capture failure (the form cannot be shown). */
  error: string | null;
  /** Save failure (the form stays). */
  saveError: string | null;
  dirty: boolean;

  captureTab(tabId: number, mode?: ClipMode): Promise<void>;
  setMode(mode: ClipMode): Promise<void>;
  editDraft(edit: DraftEdit): void;
  editSummary(summary: Summary): void;
  setCategory(categoryId: string | null): void;
  addTag(...tags: string[]): void;
  removeTag(tag: string): void;
  setNote(note: string): void;
  /** Share the clip with the team on save (true) or keep it private (false). */
  setVisibility(shared: boolean): void;
  /** New clips start shared (the "share by default" setting, only while a team is connected). */
  shareByDefault: boolean;
  setShareByDefault(on: boolean): void;
  loadKnownTags(): Promise<void>;
  save(): Promise<SaveOutcome | null>;
}

const EMPTY_FILING: ClipFiling = { categoryId: null, tags: [], note: '' };

/** The filing the form starts with: an existing clip's, else the top suggestion. */
function initialFiling(result: CaptureResult): ClipFiling {
  if (result.existing) return filingOf(result.existing);
  const top = [...result.suggestions].sort((a, b) => b.score - a.score)[0];
  return { categoryId: top ? top.categoryId : null, tags: [], note: '' };
}

/** Trim edits before saving: blank key points go, an emptied title falls back to the captured one. */
export function tidyDraft(draft: ClipDraft, capturedTitle: string): ClipDraft {
  return {
    ...draft,
    title: draft.title.trim() || capturedTitle || draft.url,
    summary: { abstract: draft.summary.abstract.trim(), keyPoints: draft.summary.keyPoints.map((k) => k.trim()).filter(Boolean) },
  };
}

/** Create a clip-form store bound to a `send` function. */
export function createClipFormStore(send: Send): StoreApi<ClipFormState> {
  let captureSeq = 0;

  return createStore<ClipFormState>((set, get) => ({
    status: 'idle',
    tabId: null,
    mode: 'article',
    capture: null,
    draft: null,
    filing: EMPTY_FILING,
    existing: null,
    knownTags: [],
    error: null,
    saveError: null,
    dirty: false,

    async captureTab(tabId, mode = get().mode) {
      const seq = ++captureSeq;
      set({ status: 'capturing', tabId, mode, error: null, saveError: null });
      try {
        const result = await send('clip:capture', { tabId, mode });
        if (seq !== captureSeq) return; // a newer capture started; drop this answer
        set({
          status: 'ready',
          capture: result,
          // Re-clipping a saved page: fresh content, but the title the user gave it stays.
          draft: result.existing?.title ? { ...result.draft, title: result.existing.title } : result.draft,
          filing: !result.existing && get().shareByDefault ? { ...initialFiling(result), visibility: 'team' } : initialFiling(result),
          existing: result.existing,
          dirty: false,
        });
      } catch (err) {
        if (seq !== captureSeq) return;
        set({ status: 'error', error: errorMessage(err), capture: null, draft: null });
      }
    },

    async setMode(mode) {
      const { tabId } = get();
      set({ mode });
      if (tabId !== null) await get().captureTab(tabId, mode);
    },

    editDraft(edit) {
      const { draft } = get();
      if (draft) set({ draft: { ...draft, ...edit }, dirty: true });
    },

    editSummary(summary) {
      get().editDraft({ summary });
    },

    setCategory(categoryId) {
      set({ filing: { ...get().filing, categoryId }, dirty: true });
    },

    addTag(...tags) {
      const filing = get().filing;
      set({ filing: { ...filing, tags: addTags(filing.tags, ...tags) }, dirty: true });
    },

    removeTag(tag) {
      const filing = get().filing;
      set({ filing: { ...filing, tags: filing.tags.filter((t) => t !== tag) }, dirty: true });
    },

    setNote(note) {
      set({ filing: { ...get().filing, note }, dirty: true });
    },

    setVisibility(shared) {
      set({ filing: { ...get().filing, visibility: shared ? 'team' : 'private' }, dirty: true });
    },

    shareByDefault: false,
    setShareByDefault(on) {
      set({ shareByDefault: on });
    },

    async loadKnownTags() {
      try {
        set({ knownTags: await send('tags:list', undefined) });
      } catch {
        // Suggestions are optional; the form works without them.
      }
    },

    async save() {
      const { draft, filing, existing, status } = get();
      if (!draft || status === 'saving' || status === 'capturing') return null;
      set({ status: 'saving', saveError: null });
      try {
        const clean = tidyDraft(draft, get().capture?.draft.title ?? '');
        const clip = await send('clip:save', existing ? { draft: clean, filing, replaceId: existing.id } : { draft: clean, filing });
        const previous = existing;
        set({ status: 'ready', existing: clip, dirty: false });
        const undo = previous
          ? async () => {
              const restored = await send('clip:save', { draft: draftOf(previous), filing: filingOf(previous), replaceId: previous.id });
              if (get().existing?.id === restored.id) set({ existing: restored });
            }
          : async () => {
              await send('clip:delete', { id: clip.id });
              if (get().existing?.id === clip.id) set({ existing: null });
            };
        return { kind: previous ? 'updated' : 'created', clip, undo };
      } catch (err) {
        set({ status: 'ready', saveError: errorMessage(err) });
        return null;
      }
    },
  }));
}
