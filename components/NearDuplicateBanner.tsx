/** At capture: clips with near-identical text already in the library (own or a teammate's); add a note there or save anyway. */
import type { Clip } from '../lib/clip/types';
import { useI18n } from './i18n';

export function NearDuplicateBanner({ matches, busy, onAddNote, onSaveAnyway }: {
  matches: Array<{ clip: Clip; similarity: number }>;
  busy: boolean;
  onAddNote: (clip: Clip) => void;
  onSaveAnyway: () => void;
}) {
  const { t } = useI18n();
  if (matches.length === 0) return null;
  const best = matches[0]!;
  return (
    <div className="notice near-duplicate" data-testid="near-duplicate-banner" role="note">
      <p><strong>{t('dup.title')}</strong></p>
      <ul className="small">
        {matches.map((m) => (
          <li key={m.clip.id} data-clip-id={m.clip.id}>
            {t('dup.match', { title: m.clip.title || m.clip.url, percent: Math.round(m.similarity * 100) })}
            {m.clip.author ? ` · ${t('clip.by', { name: m.clip.author.name })}` : ''}
          </li>
        ))}
      </ul>
      <div className="row">
        <button type="button" data-testid="near-duplicate-add-note" disabled={busy} onClick={() => onAddNote(best.clip)}>{t('dup.addNote')}</button>
        <button type="button" className="link-button" data-testid="near-duplicate-save-anyway" disabled={busy} onClick={onSaveAnyway}>{t('dup.saveAnyway')}</button>
      </div>
    </div>
  );
}
