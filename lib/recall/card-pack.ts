/**
 * Cards and the URL map as columns for the snapshot cache: a few packed strings and typed arrays that
 * IndexedDB clones almost for free, where 10k card objects (and their key and tag arrays) cost a
 * serialized value each on every panel opening.
 */
import { packStrings, unpackStrings, asU32, type PackedStrings } from '../search/pack';
import type { ClipCard } from './cards';

/** ClipCards as columns; list fields flat with a count per card. */
export interface PackedCards {
  id: PackedStrings;
  title: PackedStrings;
  url: PackedStrings;
  site: PackedStrings;
  /** '\u0000' for null. */
  categoryId: PackedStrings;
  createdAt: PackedStrings;
  blurb: PackedStrings;
  keys: PackedStrings;
  keyCounts: Uint32Array;
  tags: PackedStrings;
  tagCounts: Uint32Array;
}

/** Normalized URL → clip id, as two parallel columns. */
export interface PackedUrlMap {
  keys: PackedStrings;
  ids: PackedStrings;
}

const NULL_ID = '\u0000';

/** Pack cards (in the order given). */
export function packCards(cards: readonly ClipCard[]): PackedCards {
  const col = (f: (c: ClipCard) => string) => packStrings(cards.map(f));
  return {
    id: col((c) => c.id),
    title: col((c) => c.title),
    url: col((c) => c.url),
    site: col((c) => c.site),
    categoryId: col((c) => c.categoryId ?? NULL_ID),
    createdAt: col((c) => c.createdAt),
    blurb: col((c) => c.blurb),
    keys: packStrings(cards.flatMap((c) => c.keys)),
    keyCounts: Uint32Array.from(cards, (c) => c.keys.length),
    tags: packStrings(cards.flatMap((c) => c.tags)),
    tagCounts: Uint32Array.from(cards, (c) => c.tags.length),
  };
}

/** Cards by id from their columns. */
export function unpackCards(p: PackedCards): Map<string, ClipCard> {
  const [id, title, url, site, categoryId, createdAt, blurb, keys, tags] = [p.id, p.title, p.url, p.site, p.categoryId, p.createdAt, p.blurb, p.keys, p.tags].map(unpackStrings) as string[][];
  const keyCounts = asU32(p.keyCounts);
  const tagCounts = asU32(p.tagCounts);
  const out = new Map<string, ClipCard>();
  let k = 0;
  let t = 0;
  for (let i = 0; i < id!.length; i++) {
    const nk = keyCounts[i]!;
    const nt = tagCounts[i]!;
    const cat = categoryId![i]!;
    out.set(id![i]!, {
      id: id![i]!,
      title: title![i]!,
      url: url![i]!,
      keys: keys!.slice(k, k + nk),
      site: site![i]!,
      categoryId: cat === NULL_ID ? null : cat,
      tags: tags!.slice(t, t + nt),
      createdAt: createdAt![i]!,
      blurb: blurb![i]!,
    });
    k += nk;
    t += nt;
  }
  return out;
}

/** Pack a URL map. */
export function packUrlMap(m: ReadonlyMap<string, string>): PackedUrlMap {
  return { keys: packStrings([...m.keys()]), ids: packStrings([...m.values()]) };
}

/** A URL map from its columns. */
export function unpackUrlMap(p: PackedUrlMap): Map<string, string> {
  const keys = unpackStrings(p.keys);
  const ids = unpackStrings(p.ids);
  const m = new Map<string, string>();
  for (let i = 0; i < keys.length; i++) m.set(keys[i]!, ids[i]!);
  return m;
}
