/** JSON Lines, the interchange format: one JSON clip per line, validated line by line with JsonClipSchema. */
import { JsonClipSchema, type JsonClip } from '../clip/interchange';
import type { ReadItem } from './types';

/** Write clips as JSON Lines (tombstones included: a library file keeps its deletes for sync). */
export function exportJsonl(clips: Iterable<JsonClip>): string {
  let out = '';
  for (const clip of clips) out += `${JSON.stringify(clip)}\n`;
  return out;
}

/**
 * Read every non-blank line as a JSON clip, or the reason it is not one (bad JSON, the first schema problem,
 * a `{"input", "error"}` line from a failed `cairn clip`). A bad line never stops the rest.
 */
export function readJsonlItems(text: string): ReadItem[] {
  const items: ReadItem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const item = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      items.push({ item, skip: `not JSON (${(error as Error).message})` });
      return;
    }
    if (value && typeof value === 'object' && 'error' in value && 'input' in value && !('id' in value)) {
      items.push({ item, skip: `a failed clip, not a clip: ${String((value as { error: unknown }).error)}` });
      return;
    }
    const parsed = JsonClipSchema.safeParse(value);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      items.push({ item, skip: `not a clip (${first ? `${first.path.map(String).join('.') || 'line'}: ${first.message}` : 'invalid'})` });
      return;
    }
    items.push({ item, clip: parsed.data });
  });
  return items;
}
