/** Text with highlighted ranges, rendered as React elements (never as HTML). */
import type { ReactElement } from 'react';
import type { Highlighted } from '../lib/search';

export function Marked({ value }: { value: Highlighted }) {
  const { text, highlights } = value;
  const parts: Array<string | ReactElement> = [];
  let pos = 0;
  for (const [start, end] of highlights) {
    if (start < pos || end <= start || end > text.length) continue;
    if (start > pos) parts.push(text.slice(pos, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    pos = end;
  }
  if (pos < text.length) parts.push(text.slice(pos));
  return <>{parts}</>;
}
