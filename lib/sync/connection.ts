/**
 * The team connection: which server, which team, who this user is there, and the API token. Kept in
 * the extension's own IndexedDB (meta store), not in `storage.local`: content scripts can read
 * `storage.local` in Chrome and Firefox (only `storage.session` is private by default), whereas the
 * extension origin's IndexedDB is out of their reach. Only the background reads it.
 */
import type { Role } from './protocol';

/** A connected team, as saved after joining. */
export interface TeamConnection {
  endpoint: string;
  token: string;
  clientId: string;
  team: { id: string; name: string };
  member: { id: string; name: string; role: Role };
  connectedAt: string;
}

/** What pages may see of the connection: everything but the token. */
export type TeamSummary = Omit<TeamConnection, 'token'>;

/** Meta key of the saved connection. */
export const TEAM_CONNECTION = 'team.connection';

/** The connection without its secret, for the side panel. */
export function summarize(connection: TeamConnection | null): TeamSummary | null {
  if (!connection) return null;
  const { token: _token, ...rest } = connection;
  return rest;
}

/** The host-permission pattern for the server's origin only (e.g. `https://cairn.example.org/*`). */
export function originPattern(endpoint: string): string {
  return `${new URL(endpoint).origin}/*`;
}
