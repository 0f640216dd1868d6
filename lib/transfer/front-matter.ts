/**
 * The YAML front matter of vault documents: written as double-quoted scalars (JSON syntax, valid YAML), read
 * back by a tolerant reader of the YAML subset note tools write (Obsidian rewrites properties as plain
 * scalars and block lists): `key: scalar`, `key: [a, "b"]`, `key:` + `  - item` lines, one nested mapping
 * level (`summary:` + `  abstract: …`). Anything else is kept as a string, never a crash.
 */

/** A parsed front matter value. */
export type FrontMatterValue = string | null | boolean | FrontMatterValue[] | { [key: string]: FrontMatterValue };

/** A Markdown document split into its front matter and its body (everything after the closing `---`). */
export interface MarkdownDocument {
  data: Record<string, FrontMatterValue>;
  body: string;
}

/** Split and read a document; a document without front matter gives empty data and the whole text as body. */
export function parseMarkdownDocument(text: string): MarkdownDocument {
  const s = text.replace(/^\uFEFF/, '');
  const open = /^---[ \t]*\r?\n/.exec(s);
  if (!open) return { data: {}, body: s };
  const close = /^---[ \t]*(\r?\n|$)/m;
  const rest = s.slice(open[0].length);
  const end = close.exec(rest);
  if (!end) return { data: {}, body: s };
  const yaml = rest.slice(0, end.index);
  let body = rest.slice(end.index + end[0].length);
  // The writer puts one blank line after the front matter.
  body = body.replace(/^\r?\n/, '');
  return { data: parseYamlSubset(yaml), body };
}

function parseYamlSubset(yaml: string): Record<string, FrontMatterValue> {
  const lines = yaml.split(/\r?\n/);
  const data: Record<string, FrontMatterValue> = {};
  let i = 0;
  const indentOf = (line: string) => /^ */.exec(line)![0].length;
  const blank = (line: string) => !line.trim() || /^\s*#/.test(line);
  /** Read the indented block after a `key:` line: a `- item` list or a nested mapping. */
  const readBlock = (parentIndent: number): FrontMatterValue => {
    while (i < lines.length && blank(lines[i]!)) i++;
    if (i >= lines.length || indentOf(lines[i]!) <= parentIndent && !/^\s*- /.test(lines[i]!)) return null;
    const first = lines[i]!;
    const indent = indentOf(first);
    if (/^\s*-( |$)/.test(first)) {
      const list: FrontMatterValue[] = [];
      while (i < lines.length && !blank(lines[i]!) && indentOf(lines[i]!) === indent && /^\s*-( |$)/.test(lines[i]!)) {
        list.push(parseScalar(lines[i]!.trim().slice(1).trim()));
        i++;
      }
      return list;
    }
    const map: Record<string, FrontMatterValue> = {};
    while (i < lines.length && (blank(lines[i]!) || indentOf(lines[i]!) >= indent)) {
      if (blank(lines[i]!)) {
        i++;
        continue;
      }
      readEntry(lines[i]!, indent, map);
    }
    return map;
  };
  const readEntry = (line: string, indent: number, into: Record<string, FrontMatterValue>) => {
    const m = /^\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#][^:]*?)\s*:(?:\s+(.*))?$/.exec(line);
    i++;
    if (!m) return;
    const key = unquoteKey(m[1]!);
    const value = (m[2] ?? '').trim();
    into[key] = value === '' ? readBlock(indent) : parseScalar(value);
  };
  while (i < lines.length) {
    if (blank(lines[i]!)) {
      i++;
      continue;
    }
    readEntry(lines[i]!, 0, data);
  }
  return data;
}

function unquoteKey(key: string): string {
  const v = parseScalar(key);
  return typeof v === 'string' ? v : key;
}

/** One scalar or flow list: "double", 'single', [a, b], null/~, true/false, or plain text. */
function parseScalar(raw: string): FrontMatterValue {
  const s = raw.trim();
  if (s.startsWith('"')) {
    const end = closingDoubleQuote(s);
    return readDoubleQuoted(s.slice(0, end + 1));
  }
  if (s.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'/.exec(s);
    return m ? m[1]!.replace(/''/g, "'") : s;
  }
  if (s.startsWith('[') && s.endsWith(']')) return splitFlowList(s.slice(1, -1)).map(parseScalar);
  const plain = s.replace(/\s+#.*$/, '');
  if (plain === '' || plain === '~' || plain === 'null' || plain === 'Null' || plain === 'NULL') return null;
  if (/^(true|false)$/i.test(plain)) return plain.toLowerCase() === 'true';
  return plain;
}

function closingDoubleQuote(s: string): number {
  for (let i = 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i;
  }
  return s.length - 1;
}

const YAML_ESCAPES: Record<string, string> = { '0': '\\u0000', a: '\\u0007', v: '\\u000b', e: '\\u001b', ' ': ' ', N: '\\u0085', _: '\\u00a0', L: '\\u2028', P: '\\u2029', '/': '/', '\t': '\\t' };

/** A YAML double-quoted scalar: JSON escapes plus YAML's own (\x41, \0, \e, \N, \_, \L, \P, \U0001F600). */
function readDoubleQuoted(s: string): string {
  const json = s.replace(/\\(x[0-9a-fA-F]{2}|U[0-9a-fA-F]{8}|[\s\S])/g, (whole, e: string) => {
    if (e[0] === 'x') return `\\u00${e.slice(1)}`;
    if (e[0] === 'U') {
      const cp = parseInt(e.slice(1), 16);
      return cp > 0x10ffff ? '\ufffd' : JSON.stringify(String.fromCodePoint(cp)).slice(1, -1);
    }
    return YAML_ESCAPES[e] ?? whole;
  });
  try {
    const v = JSON.parse(json) as unknown;
    return typeof v === 'string' ? v : s;
  } catch {
    return s.slice(1, -1);
  }
}

/** Split a flow list's inside at commas outside quotes. */
function splitFlowList(inner: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (quote) {
      current += c;
      if (c === '\\' && quote === '"') current += inner[++i] ?? '';
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
      current += c;
    } else if (c === ',') {
      parts.push(current);
      current = '';
    } else current += c;
  }
  if (current.trim() || parts.length) parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}
