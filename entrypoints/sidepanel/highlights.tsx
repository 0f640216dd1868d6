/** The reader's highlights pane: re-shows the clip's highlights on the tab's page, lists them with orphans, edits notes, removes. */
import { useEffect, useState } from 'react';
import { HighlightList } from '../../components/HighlightList';
import { liveHighlights } from '../../lib/annotate/clip-highlights';
import type { Clip } from '../../lib/clip/types';
import type { Send } from '../../lib/store/send';
import { resolveTabId } from './wiring';

/** Ask the background to show the tab page's highlights; resolves to the orphans when that page is this clip's, else null. */
async function showOnTab(send: Send, clipId: string): Promise<Set<string> | null> {
  const tabId = await resolveTabId();
  if (tabId === null) return null;
  const shown = await send('highlights:show', { tabId });
  return shown.clipId === clipId ? new Set(shown.orphans) : null;
}

export function ClipHighlightsPane({ services, clip, me }: { services: { send: Send }; clip: Clip; me: string | null }) {
  const [current, setCurrent] = useState(clip);
  const [orphans, setOrphans] = useState<Set<string>>(new Set());
  useEffect(() => setCurrent(clip), [clip]);
  const ids = liveHighlights(clip).map((h) => h.id).join(',');
  useEffect(() => {
    let live = true;
    if (!ids) return;
    showOnTab(services.send, clip.id).then((found) => live && found && setOrphans(found), () => {});
    return () => {
      live = false;
    };
  }, [services, clip.id, ids]);
  // After an edit, the page is shown the new state too (a new color, a removed mark).
  const apply = (p: Promise<Clip>) =>
    p.then((next) => {
      setCurrent(next);
      return showOnTab(services.send, next.id).then((found) => found && setOrphans(found));
    }).catch((err) => console.error('Cairn: highlight edit failed', err));
  return (
    <HighlightList
      highlights={liveHighlights(current)}
      orphans={orphans}
      canEdit={(h) => !h.author || h.author.id === me || current.visibility !== 'team'}
      onSaveNote={(highlightId, note) => void apply(services.send('highlights:edit', { clipId: current.id, highlightId, patch: { note } }))}
      onColor={(highlightId, color) => void apply(services.send('highlights:edit', { clipId: current.id, highlightId, patch: { color } }))}
      onDelete={(highlightId) => void apply(services.send('highlights:remove', { clipId: current.id, highlightId }))}
    />
  );
}
