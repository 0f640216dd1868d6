/** Tag hygiene shared by the clip form and the clip editor. */

/** Trim, drop a leading '#', collapse inner whitespace; '' when nothing is left. */
export function normalizeTag(raw: string): string {
  return raw.replace(/^[#＃\s]+/, '').replace(/\s+/g, ' ').trim();
}

/** Add tags (normalized) to a list, skipping blanks and case-insensitive duplicates. */
export function addTags(list: readonly string[], ...raw: string[]): string[] {
  const out = [...list];
  const seen = new Set(out.map((t) => t.toLocaleLowerCase()));
  for (const r of raw) {
    const tag = normalizeTag(r);
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** Split typed input on commas (ASCII, full-width, ideographic) into tags. */
export function splitTagInput(input: string): string[] {
  return input.split(/[,，、;；]/).map(normalizeTag).filter(Boolean);
}

/** Suggestions not already chosen, in order, case-insensitively de-duplicated. */
export function remainingSuggestions(chosen: readonly string[], ...lists: readonly string[][]): string[] {
  return addTags([], ...lists.flat()).filter((s) => !chosen.some((c) => c.toLocaleLowerCase() === s.toLocaleLowerCase()));
}
