/** URL normalization so one page clipped from different links is recognised as the same page. */
import { isTrackingParam } from './tracking';

const UNRESERVED = /%(2[DdEe]|3[0-9]|4[1-9A-Fa-f]|5[0-9Aa]|5[Ff]|6[1-9A-Fa-f]|7[0-9Aa]|7[Ee])/g;

/** Upper-case percent escapes and decode escaped unreserved characters (RFC 3986 §6.2.2). */
function normalizeEscapes(s: string): string {
  return s
    .replace(/%[0-9a-fA-F]{2}/g, (m) => m.toUpperCase())
    .replace(UNRESERVED, (m) => {
      const ch = String.fromCharCode(parseInt(m.slice(1), 16));
      return /[A-Za-z0-9\-._~]/.test(ch) ? ch : m;
    });
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** Query string without tracking parameters, sorted by name (stable for repeated names), or ''. */
function cleanQuery(search: string, host: string): string {
  if (search.length <= 1) return '';
  const pairs: Array<{ name: string; raw: string; index: number }> = [];
  search
    .slice(1)
    .split('&')
    .forEach((raw, index) => {
      if (!raw) return;
      const name = decodeName(raw.split('=')[0]!);
      if (isTrackingParam(name, host)) return;
      pairs.push({ name, raw: normalizeEscapes(raw), index });
    });
  if (pairs.length === 0) return '';
  pairs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.index - b.index));
  return '?' + pairs.map((p) => p.raw).join('&');
}

/**
 * Canonical form of a URL for de-duplication: no fragment (except `#!`/`#/` app routes), no tracking
 * parameters, sorted query, lower-case scheme and host, no default port or credentials, root path "/".
 * `www.` is kept (some sites serve different content). Never throws: unparsable input comes back trimmed.
 */
export function normalizeUrl(url: string): string {
  const input = (url ?? '').trim();
  let u: URL;
  try {
    u = new URL(input);
  } catch {
    return input;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    if (u.protocol === 'file:' || u.protocol === 'ftp:') u.hash = '';
    return u.href;
  }
  const host = u.hostname.replace(/\.$/, '');
  const hash = /^#[!/]/.test(u.hash) ? u.hash : '';
  const path = normalizeEscapes(u.pathname || '/');
  const port = u.port ? `:${u.port}` : ''; // URL already drops default ports
  return `${u.protocol}//${host}${port}${path}${cleanQuery(u.search, host)}${hash}`;
}
