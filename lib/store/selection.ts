/**
 * Multi-select in the Library and the bulk edits on it (move, tag, untag, share, unshare, delete),
 * each undone as a whole by one toast. Talks to the background through the injected `send`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BulkAction, BulkOutcome } from '../background/bulk';
import { errorMessage, type Send } from './send';

/**
 * The selection after clicking `id`: a plain click toggles it; a shift-click selects the range of
 * `visible` from the anchor to `id` (inclusive), keeping what was selected before.
 */
export function clickSelection(selected: readonly string[], visible: readonly string[], id: string, anchor: string | null, shift: boolean): string[] {
  const at = visible.indexOf(id);
  const from = anchor === null ? -1 : visible.indexOf(anchor);
  if (shift && from >= 0 && at >= 0) {
    const [lo, hi] = from < at ? [from, at] : [at, from];
    const out = new Set(selected);
    for (const v of visible.slice(lo, hi + 1)) out.add(v);
    return visible.filter((v) => out.has(v)).concat(selected.filter((s) => !visible.includes(s)));
  }
  return selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id];
}

export interface SelectionState {
  selected: string[];
  anchor: string | null;
  busy: boolean;
  error: string | null;
  click(id: string, shift: boolean, visible: readonly string[]): void;
  /** Select every visible clip, or clear when all are selected already. */
  toggleAll(visible: readonly string[]): void;
  clear(): void;
  /** Keep only ids still listed (after a refresh or a filter change). */
  keep(ids: readonly string[]): void;
  /** Run a bulk edit on the selection; resolves to the outcome and its undo (null when nothing changed). */
  run(action: BulkAction): Promise<{ outcome: BulkOutcome; undo: (() => Promise<void>) | null } | null>;
}

/** Create the selection store bound to `send`. */
export function createSelectionStore(send: Send): StoreApi<SelectionState> {
  return createStore<SelectionState>((set, get) => ({
    selected: [],
    anchor: null,
    busy: false,
    error: null,
    click(id, shift, visible) {
      const { selected, anchor } = get();
      set({ selected: clickSelection(selected, visible, id, anchor, shift), anchor: shift && anchor ? anchor : id });
    },
    toggleAll(visible) {
      const { selected } = get();
      const all = visible.length > 0 && visible.every((v) => selected.includes(v));
      set({ selected: all ? selected.filter((s) => !visible.includes(s)) : [...new Set([...selected, ...visible])], anchor: null });
    },
    clear() {
      set({ selected: [], anchor: null, error: null });
    },
    keep(ids) {
      const live = new Set(ids);
      const selected = get().selected.filter((s) => live.has(s));
      if (selected.length !== get().selected.length) set({ selected });
    },
    async run(action) {
      const ids = get().selected;
      if (ids.length === 0) return null;
      set({ busy: true, error: null });
      try {
        const outcome = await send('clips:bulk', { ids, action });
        const failed = outcome.failed.length ? outcome.failed.map((f) => f.error).filter((e, i, a) => a.indexOf(e) === i).join('; ') : null;
        set({ busy: false, error: failed, selected: action.kind === 'delete' ? ids.filter((id) => outcome.failed.some((f) => f.id === id)) : ids });
        const snapshot = outcome.snapshot;
        const undo = snapshot.length ? async () => { await send('clips:revert', { snapshot }); } : null;
        return { outcome, undo };
      } catch (err) {
        set({ busy: false, error: errorMessage(err) });
        return null;
      }
    },
  }));
}
