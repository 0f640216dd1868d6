/**
 * The team server's HTTP API as typed calls (fetch passed in), validated with the shared zod schemas.
 * Failures become a SyncError that says what happened and what the user can do about it.
 */
import type { z } from 'zod';
import {
  ErrorResponseSchema,
  FeedResponseSchema,
  InsightsResponseSchema,
  type FeedResponse,
  type InsightsResponse,
  JoinResponseSchema,
  ProposalListSchema,
  ProposalSchema,
  type Proposal,
  type ProposalCreate,
  PullResponseSchema,
  PushResponseSchema,
  TeamResponseSchema,
  type JoinResponse,
  type PullResponse,
  type PushRequestInput,
  type PushResponse,
  type TeamResponse,
} from './protocol';

/** What kind of failure: decides the state shown (offline vs error) and whether a retry can help. */
export type SyncErrorKind = 'offline' | 'unauthorized' | 'forbidden' | 'rate-limited' | 'server' | 'rejected' | 'invalid-response';

/** A failed call to the team server, with a plain-words message and advice. */
export class SyncError extends Error {
  constructor(
    message: string,
    readonly kind: SyncErrorKind,
    readonly advice: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export type FetchLike = (input: string, init?: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<Response>;

export interface ApiOptions {
  fetch: FetchLike;
  /** Server origin (and optional path prefix), e.g. https://cairn.example.org */
  endpoint: string;
  token?: string;
  /** Give up on one request after this long. */
  timeoutMs?: number;
}

/** Normalize a user-typed endpoint: trim, drop trailing slashes; rejects non-http(s) URLs. */
export function normalizeEndpoint(raw: string): string {
  const url = new URL(raw.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('The team server address must start with https:// (or http:// for a local server).');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function describeStatus(status: number, serverMessage: string): SyncError {
  const said = serverMessage ? ` (${serverMessage})` : '';
  if (status === 401) return new SyncError(`The team server did not accept your token${said}.`, 'unauthorized', 'Your access was removed or the token is wrong: reconnect in Settings → Team.', status);
  if (status === 403) return new SyncError(`The team server refused this${said}.`, 'forbidden', 'Your role in the team does not allow it (viewers can read but not share). Ask a team owner.', status);
  if (status === 429) return new SyncError('The team server asked Cairn to slow down.', 'rate-limited', 'Nothing to do: Cairn will retry shortly.', status);
  if (status >= 500) return new SyncError(`The team server had a problem (HTTP ${status})${said}.`, 'server', 'Cairn will retry; if it keeps failing, tell whoever runs the team server.', status);
  return new SyncError(`The team server refused the request (HTTP ${status})${said}.`, 'rejected', 'Check the server address in Settings → Team; if it is right, update Cairn or tell whoever runs the server.', status);
}

/** One JSON call; resolves with the parsed body or rejects with a SyncError. */
async function call<T extends z.ZodType>(options: ApiOptions, method: 'GET' | 'POST', path: string, schema: T, body?: unknown): Promise<z.output<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 30_000);
  let response: Response;
  try {
    response = await options.fetch(`${options.endpoint}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: controller.signal });
  } catch (err) {
    clearTimeout(timer);
    const why = err instanceof Error ? err.message : String(err);
    throw new SyncError(`Cairn cannot reach the team server at ${options.endpoint} (${why}).`, 'offline', 'Your clips are kept on this device and will sync when the server is reachable again.');
  }
  let text: string;
  try {
    text = await response.text();
  } catch (err) {
    throw new SyncError(`The connection to the team server broke off (${err instanceof Error ? err.message : String(err)}).`, 'offline', 'Cairn will retry.');
  } finally {
    clearTimeout(timer);
  }
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page, a wrong address): handled below.
  }
  if (!response.ok) {
    const parsed = ErrorResponseSchema.safeParse(json);
    throw describeStatus(response.status, parsed.success ? parsed.data.error.message : '');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new SyncError(`The answer from ${options.endpoint}${path} is not a Cairn team server's.`, 'invalid-response', 'Check the server address in Settings → Team.', response.status);
  }
  return parsed.data;
}

/** `POST /v1/join`: trade an invite code for a token. */
export function join(options: ApiOptions, code: string, name: string): Promise<JoinResponse> {
  return call(options, 'POST', '/v1/join', JoinResponseSchema, { code, name });
}

/** `GET /v1/team`: the team, me, the members and their contributions. */
export function getTeam(options: ApiOptions): Promise<TeamResponse> {
  return call(options, 'GET', '/v1/team', TeamResponseSchema);
}

/** `GET /v1/team/insights`: most useful and stale clips, usage per category, contributions. */
export function getInsights(options: ApiOptions, query: { staleDays?: number } = {}): Promise<InsightsResponse> {
  return call(options, 'GET', `/v1/team/insights${query.staleDays ? `?staleDays=${query.staleDays}` : ''}`, InsightsResponseSchema);
}

/** `GET /v1/feed`: what the team recently shared, noted and found helpful. */
export function getFeed(options: ApiOptions, query: { since?: string; category?: string } = {}): Promise<FeedResponse> {
  const params = new URLSearchParams();
  if (query.since) params.set('since', query.since);
  if (query.category) params.set('category', query.category);
  const qs = params.toString();
  return call(options, 'GET', `/v1/feed${qs ? `?${qs}` : ''}`, FeedResponseSchema);
}

/** `GET /v1/proposals`: the team's category proposals, open ones first. */
export function listProposals(options: ApiOptions): Promise<Proposal[]> {
  return call(options, 'GET', '/v1/proposals', ProposalListSchema).then((r) => r.proposals);
}

/** `POST /v1/proposals`: propose a new category (any member). */
export function proposeCategory(options: ApiOptions, proposal: ProposalCreate): Promise<Proposal> {
  return call(options, 'POST', '/v1/proposals', ProposalSchema, proposal);
}

/** `POST /v1/proposals/:id/accept|decline` (owners and editors). */
export function decideProposal(options: ApiOptions, id: string, decision: 'accept' | 'decline'): Promise<Proposal> {
  return call(options, 'POST', `/v1/proposals/${encodeURIComponent(id)}/${decision}`, ProposalSchema);
}

/** `POST /v1/sync/push`. */
export function pushMutations(options: ApiOptions, request: PushRequestInput): Promise<PushResponse> {
  return call(options, 'POST', '/v1/sync/push', PushResponseSchema, request);
}

/** `GET /v1/sync/pull`. */
export function pullChanges(options: ApiOptions, query: { cursor: number; limit: number; clientId: string }): Promise<PullResponse> {
  const qs = new URLSearchParams({ cursor: String(query.cursor), limit: String(query.limit), clientId: query.clientId });
  return call(options, 'GET', `/v1/sync/pull?${qs}`, PullResponseSchema);
}
