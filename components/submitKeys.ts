/** The form's keyboard rule: Enter saves from single-line fields, Ctrl/Cmd+Enter from text areas. */
import type { KeyboardEvent } from 'react';

/** True when this keydown should save the form (never while an IME is composing, e.g. Chinese input). */
export function isSaveKeystroke(e: KeyboardEvent): boolean {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.keyCode === 229) return false;
  const target = e.target as HTMLElement;
  const tag = target.tagName;
  if (tag === 'TEXTAREA') return e.ctrlKey || e.metaKey;
  if (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') return e.ctrlKey || e.metaKey;
  return tag === 'INPUT' || tag === 'SELECT' || e.ctrlKey || e.metaKey;
}
