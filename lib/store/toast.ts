/** One toast at a time (newest wins), with an optional Undo action and auto-dismiss. */
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface Toast {
  id: number;
  message: string;
  undo?: () => Promise<void>;
}

export interface ToastState {
  toast: Toast | null;
  show(message: string, undo?: () => Promise<void>): number;
  dismiss(id?: number): void;
}

/** Create a toast store; `setTimer` is injectable so tests control time. */
export function createToastStore(
  ttlMs = 8000,
  setTimer: (fn: () => void, ms: number) => unknown = (fn, ms) => setTimeout(fn, ms),
): StoreApi<ToastState> {
  let next = 1;
  return createStore<ToastState>((set, get) => ({
    toast: null,
    show(message, undo) {
      const id = next++;
      set({ toast: { id, message, undo } });
      setTimer(() => get().dismiss(id), ttlMs);
      return id;
    },
    dismiss(id) {
      const current = get().toast;
      if (current && (id === undefined || current.id === id)) set({ toast: null });
    },
  }));
}
