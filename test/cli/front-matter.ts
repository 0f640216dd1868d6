/**
 * Reads back the YAML front matter `cairn clip --format md` writes: a strict reader for its subset only
 * (`key: scalar`, `key:` followed by an indented mapping or `- item` list, double-quoted strings, flow lists
 * of strings, null). Double-quoted YAML scalars in that subset are JSON strings, so values are read with
 * JSON.parse; anything outside the subset throws, so the writer cannot drift into YAML this reader misreads.
 */
export interface MarkdownDocument {
  data: Record<string, unknown>;
  body: string;
}

/** Split a stream of Markdown documents, each starting with a `---` front matter block, and read each. */
export function parseMarkdownDocuments(stream: string): MarkdownDocument[] {
  const docs: MarkdownDocument[] = [];
  let rest = stream;
  while (rest.length) {
    if (!rest.startsWith('---\n')) throw new Error(`document does not start with ---: ${rest.slice(0, 40)}`);
    const end = rest.indexOf('\n---\n', 3);
    if (end < 0) throw new Error('front matter not closed');
    const data = parseYamlSubset(rest.slice(4, end));
    rest = rest.slice(end + 5);
    const next = rest.indexOf('\n\n---\n');
    const body = next < 0 ? rest : rest.slice(0, next + 1);
    rest = next < 0 ? '' : rest.slice(next + 2);
    docs.push({ data, body });
  }
  return docs;
}

interface Frame {
  indent: number;
  parent: Record<string, unknown>;
  key: string;
}

function parseYamlSubset(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  // Open blocks (`key:` with nothing after it), innermost last; each becomes a mapping or a list.
  const frames: Frame[] = [];
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    while (frames.length && frames[frames.length - 1]!.indent >= indent) frames.pop();
    const frame = frames[frames.length - 1];
    const item = /^ *- (.*)$/.exec(line);
    if (item) {
      if (!frame) throw new Error(`list item outside a block: ${line}`);
      const current = frame.parent[frame.key];
      const list = Array.isArray(current) ? current : (frame.parent[frame.key] = []);
      if (!Array.isArray(list)) throw new Error(`list item in a mapping: ${line}`);
      list.push(scalar(item[1]!));
      continue;
    }
    const entry = /^ *([a-z_]+):(?: (.*))?$/.exec(line);
    if (!entry) throw new Error(`not a "key: value" line: ${JSON.stringify(line)}`);
    let target = root;
    if (frame) {
      const current = frame.parent[frame.key];
      if (Array.isArray(current)) throw new Error(`mapping key in a list: ${line}`);
      target = (current as Record<string, unknown> | null) ?? (frame.parent[frame.key] = {});
    }
    const [, key, value] = entry;
    if (key! in target) throw new Error(`duplicate key: ${key}`);
    if (value === undefined) {
      target[key!] = null;
      frames.push({ indent, parent: target, key: key! });
    } else {
      target[key!] = scalar(value);
    }
  }
  return root;
}

function scalar(value: string): unknown {
  if (value === 'null') return null;
  if (value.startsWith('"') || value.startsWith('[')) return JSON.parse(value);
  throw new Error(`unquoted scalar: ${value}`);
}
