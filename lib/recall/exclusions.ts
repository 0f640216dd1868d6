/**
 * Sites Cairn never reads for "Related to this page": a user-edited block list of simple patterns,
 * checked against a tab's URL before anything is injected.
 *
 * Pattern grammar (one per line, case-insensitive, `#` starts a comment):
 *   host            `mail.google.com` — that host and its subdomains
 *   *.host          `*.paypal.com` — paypal.com and any subdomain
 *   glob host       `*.bank*`, `bank*.com` — `*` matches any run of characters inside the host
 *   host/path       `example.com/account*` — host as above, then a path prefix (with `*` globs)
 *   host:port       `127.0.0.1:8080` — only that port
 * A leading `scheme://` is ignored (every web scheme is covered).
 */

/** Defaults: banking, payment, mail, health portals and password managers. */
export const DEFAULT_EXCLUDED_SITES: readonly string[] = [
  '*.bank*', '*banking*', '*.paypal.com', '*.stripe.com', '*.wise.com', '*.venmo.com',
  'mail.google.com', 'outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'mail.yahoo.com',
  'mail.proton.me', 'mail.qq.com', 'mail.163.com', 'mail.126.com', '*.icloud.com',
  'mychart.*', '*.mychart.*', '*patient*portal*', '*.healthcare.gov',
  '*.1password.com', '*.lastpass.com', '*.bitwarden.com', '*.dashlane.com', '*.keepersecurity.com',
  'accounts.google.com', 'login.microsoftonline.com',
];

interface CompiledPattern {
  host: RegExp;
  port: string | null;
  path: RegExp | null;
}

function globToRegExp(glob: string, anchoredEnd: boolean): RegExp {
  const body = glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${body}${anchoredEnd ? '$' : ''}`, 'i');
}

/** Compile one pattern; null for a blank line, a comment or something that is not a pattern. */
export function compilePattern(raw: string): CompiledPattern | null {
  let p = raw.replace(/#.*$/, '').trim().toLowerCase();
  if (!p) return null;
  p = p.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  const slash = p.indexOf('/');
  const hostPart = slash === -1 ? p : p.slice(0, slash);
  const pathPart = slash === -1 ? null : p.slice(slash);
  const portMatch = /:(\d+|\*)$/.exec(hostPart);
  const port = portMatch && portMatch[1] !== '*' ? portMatch[1]! : null;
  let host = portMatch ? hostPart.slice(0, portMatch.index) : hostPart;
  host = host.replace(/\.$/, '');
  if (!host || /\s/.test(host)) return null;
  let hostRe: RegExp;
  if (host.startsWith('*.')) {
    // "*.example.com" covers example.com itself and every subdomain; the rest may hold globs too.
    const rest = globToRegExp(host.slice(2), true).source.slice(1);
    hostRe = new RegExp(`^(?:.*\\.)?${rest}`, 'i');
  } else if (host.includes('*')) {
    hostRe = globToRegExp(host, true);
  } else {
    const exact = host.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    hostRe = new RegExp(`^(?:.*\\.)?${exact}$`, 'i');
  }
  const path = pathPart && pathPart !== '/' && pathPart !== '/*' ? globToRegExp(pathPart, false) : null;
  return { host: hostRe, port, path };
}

/** Split the settings text (newlines or commas) into trimmed, non-empty patterns. */
export function parseExcludedSites(text: string): string[] {
  return text.split(/[\n,]/).map((s) => s.trim()).filter((s) => s && !s.startsWith('#'));
}

/** A matcher for a list of patterns (compile once, test many URLs). */
export function createExclusionMatcher(patterns: readonly string[]): (url: string | null | undefined) => boolean {
  const compiled = patterns.map(compilePattern).filter((p): p is CompiledPattern => p !== null);
  return (url) => {
    if (!url) return false;
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    const host = u.hostname.toLowerCase().replace(/\.$/, '').replace(/^\[|\]$/g, '');
    if (!host) return false;
    const path = decodeSafe(u.pathname).toLowerCase();
    return compiled.some((p) => p.host.test(host) && (p.port === null || p.port === u.port) && (p.path === null || p.path.test(path)));
  };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** True when `url` is on a site the user excluded from being read. */
export function isExcludedUrl(url: string | null | undefined, patterns: readonly string[]): boolean {
  return createExclusionMatcher(patterns)(url);
}
