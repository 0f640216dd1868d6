/**
 * Cards for the snapshot cache: only what the index's stored docs do not already hold (id order,
 * createdAt and the URL keys), as columns; the rest comes back from the imported index. Storing the
 * cards whole doubled the snapshot's text (titles, blurbs, URLs) and its read time at every opening.
 */
import { packStrings, unpackStrings, asU32, type PackedStrings } from '../search/pack';
import type { StoredDoc } from '../search';
import { cardFromDoc, type ClipCard } from './cards';

/** ClipCards as columns: what the index does not keep. */
export interface PackedCards {
  id: PackedStrings;
  createdAt: PackedStrings;
  keys: PackedStrings;
  keyCounts: Uint32Array;
}

/** Pack cards (in the order given). */
export function packCards(cards: readonly ClipCard[]): PackedCards {
  return {
    id: packStrings(cards.map((c) => c.id)),
    createdAt: packStrings(cards.map((c) => c.createdAt)),
    keys: packStrings(cards.flatMap((c) => c.keys)),
    keyCounts: Uint32Array.from(cards, (c) => c.keys.length),
  };
}

/** Cards by id from their columns and the index they were packed with (a card without its doc is dropped). */
export function unpackCards(p: PackedCards, docOf: (id: string) => StoredDoc | undefined): Map<string, ClipCard> {
  const [id, createdAt, keys] = [p.id, p.createdAt, p.keys].map(unpackStrings) as string[][];
  const keyCounts = asU32(p.keyCounts);
  const out = new Map<string, ClipCard>();
  let k = 0;
  for (let i = 0; i < id!.length; i++) {
    const nk = keyCounts[i]!;
    const doc = docOf(id![i]!);
    if (doc) out.set(id![i]!, cardFromDoc(doc, createdAt![i]!, keys!.slice(k, k + nk)));
    k += nk;
  }
  return out;
}
