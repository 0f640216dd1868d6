/**
 * Usage on this device, as counters: per clip, how often it was opened from Related or Search, when it
 * was last opened, and whether this user marked it helpful. Nothing else: no page the user visits is
 * recorded unless it is a clip. Team clips' usage also travels to the team as sync mutations; private
 * clips' usage never leaves the device.
 */
import type { Clip } from '../clip/types';
import type { LocalMutation } from '../sync/outbox-types';

/** Meta key of the local usage counters. */
export const LOCAL_USAGE = 'usage.local';

/** One clip's local counters. */
export interface ClipUsageCount {
  opens: number;
  lastOpenedAt: string | null;
  helpful: boolean;
}

/** Every clip's local counters, by clip id. */
export type LocalUsage = Record<string, ClipUsageCount>;

/** Where an open came from (only these are counted: opening a clip from the Library is just reading). */
export type OpenSource = 'related' | 'search';

const empty = (): ClipUsageCount => ({ opens: 0, lastOpenedAt: null, helpful: false });

/** Counters after one more open of `clipId` at `at`. */
export function countOpen(usage: LocalUsage | undefined, clipId: string, at: string): LocalUsage {
  const prev = usage?.[clipId] ?? empty();
  return { ...usage, [clipId]: { ...prev, opens: prev.opens + 1, lastOpenedAt: at } };
}

/** Counters with `clipId` marked (or unmarked) helpful by this user. */
export function markHelpful(usage: LocalUsage | undefined, clipId: string, helpful: boolean): LocalUsage {
  const prev = usage?.[clipId] ?? empty();
  return { ...usage, [clipId]: { ...prev, helpful } };
}

/** True when this clip's usage may go to the team: it is shared and live. Private clips' usage stays here. */
export function isTeamClip(clip: Pick<Clip, 'visibility' | 'deletedAt'> | null | undefined): boolean {
  return !!clip && clip.visibility === 'team' && !clip.deletedAt;
}

/** The sync mutation for an open of `clip`, or none for a private clip. */
export function openMutation(clip: Pick<Clip, 'id' | 'visibility' | 'deletedAt'>): LocalMutation[] {
  return isTeamClip(clip) ? [{ type: 'usage.open', clipId: clip.id }] : [];
}

/** The sync mutation for a helpful mark on `clip`, or none for a private clip or an unchanged mark. */
export function helpfulMutation(clip: Pick<Clip, 'id' | 'visibility' | 'deletedAt'>, helpful: boolean, before: boolean): LocalMutation[] {
  return isTeamClip(clip) && helpful !== before ? [{ type: 'usage.helpful', clipId: clip.id, helpful }] : [];
}
