/** The shapes the outbox stores: one pending team mutation per entry, in per-client sequence order. */
import type { MutationInput } from './protocol';

type WithoutSeq<T> = T extends unknown ? Omit<T, 'seq'> : never;

/**
 * A change to team state made on this device, exactly as it will travel (lib/sync/protocol.ts) minus
 * its seq: `clip.put` carries the changed fields, tag operations and the user's own note; `clip.unshare`
 * takes a clip out of the team (the local copy stays, private); `clip.delete` tombstones it for
 * everyone; `taxonomy.put` replaces or tombstones one category node.
 */
export type LocalMutation = WithoutSeq<MutationInput>;

/** One outbox row: the mutation plus who made it (client id) and its per-client sequence number. */
export interface OutboxEntry {
  seq: number;
  clientId: string;
  /** When it was made on this device (ISO). */
  at: string;
  mutation: LocalMutation;
}
