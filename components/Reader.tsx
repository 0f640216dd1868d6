/** The clean reader view of one clip: header, link to the source, summary, note, then the clip's HTML. */
import { useMemo } from 'react';
import type { Category } from '../lib/categorize/types';
import type { Clip } from '../lib/clip/types';
import { renderClipHtml, safeUrl } from '../lib/reader/render';
import { hostOf } from './Library';
import { useCategoryPath, useI18n } from './i18n';

export function Reader({ clip, taxonomy, onBack, onEdit, onDelete, share }: {
  clip: Clip;
  taxonomy: readonly Category[];
  onBack: () => void;
  onEdit: () => void;
  onDelete: () => void;
  /** Team sharing: whether this user may change it (only its author unshares), and the toggle. */
  share?: { allowed: boolean; busy: boolean; onToggle: (shared: boolean) => void } | null;
}) {
  const { t, date } = useI18n();
  const pathOf = useCategoryPath(taxonomy);
  // Sanitized again here, right before innerHTML, whatever capture did.
  const html = useMemo(() => renderClipHtml(clip.html, window, { baseUrl: clip.url }), [clip.html, clip.url]);
  const source = safeUrl(clip.url, 'href', null);
  const contentLang = clip.lang && clip.lang !== 'und' ? clip.lang : undefined;
  const meta = [
    clip.byline ? t('reader.by', { name: clip.byline }) : null,
    clip.siteName ?? hostOf(clip.url),
    date(clip.publishedTime),
  ].filter(Boolean);

  return (
    <article className="reader" data-testid="reader" lang={contentLang}>
      <div className="reader-toolbar">
        <button type="button" className="link-button" data-testid="reader-back" onClick={onBack}>← {t('reader.back')}</button>
        <span className="spacer" />
        {share?.allowed && (
          <button type="button" className="button" data-testid="reader-share" disabled={share.busy} onClick={() => share.onToggle(clip.visibility !== 'team')}>
            {clip.visibility === 'team' ? t('share.unshare') : t('share.share')}
          </button>
        )}
        <button type="button" className="button" data-testid="reader-edit" onClick={onEdit}>{t('reader.edit')}</button>
        <button type="button" className="button danger" data-testid="reader-delete" onClick={onDelete}>{t('reader.delete')}</button>
      </div>
      <header className="reader-header">
        <h1 dir="auto">{clip.title || clip.url}</h1>
        {meta.length > 0 && <p className="muted" dir="auto">{meta.join(' · ')}</p>}
        <p className="muted small">
          {[pathOf(clip.categoryId) || t('library.unfiled'), t('reader.clippedOn', { date: date(clip.createdAt) })].join(' · ')}
        </p>
        {clip.visibility === 'team' && (
          <p className="muted small" data-testid="reader-shared">
            {[t('share.shared'), clip.author ? t('clip.by', { name: clip.author.name }) : null].filter(Boolean).join(' · ')}
          </p>
        )}
        {source && (
          <a className="source-link" data-testid="reader-source" href={source} target="_blank" rel="noopener noreferrer">
            {t('reader.source')} ↗
          </a>
        )}
        {clip.tags.length > 0 && (
          <div className="chips" aria-label={t('reader.tags')}>
            {clip.tags.map((tag) => <span key={tag} className="chip tag small">{tag}</span>)}
          </div>
        )}
      </header>

      {(clip.summary.abstract || clip.summary.keyPoints.length > 0) && (
        <section className="reader-summary" aria-label={t('reader.summary')}>
          <h2>{t('reader.summary')}</h2>
          {clip.summary.abstract && <p dir="auto">{clip.summary.abstract}</p>}
          {clip.summary.keyPoints.length > 0 && (
            <ul>{clip.summary.keyPoints.map((k, i) => <li key={i} dir="auto">{k}</li>)}</ul>
          )}
        </section>
      )}
      {clip.note && (
        <section className="reader-note" aria-label={t('reader.note')}>
          <h2>{t('reader.note')}</h2>
          <p dir="auto">{clip.note}</p>
        </section>
      )}
      {(clip.teamNotes ?? []).map((n) => (
        <section key={n.memberId} className="reader-note" aria-label={t('reader.note')}>
          <h2>{t('reader.note')} · {n.name}</h2>
          <p dir="auto">{n.note}</p>
        </section>
      ))}
      <div
        className="reader-content"
        data-testid="reader-content"
        dir={clip.dir ?? 'auto'}
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </article>
  );
}
