/** "Related to this page": the clip of this very page first, then related clips with why they match. */
import type { RecallState, RelatedItem } from '../lib/store/recall';
import type { RelatedWhy } from '../lib/search';
import { IndexStatus } from './IndexStatus';
import { Marked } from './Marked';
import { useI18n } from './i18n';

type Translate = ReturnType<typeof useI18n>['t'];

/** "shared: knowledge, 组织学习 · same site" in the UI language. */
export function whyText(why: RelatedWhy, t: Translate): string {
  return [
    why.terms.length ? t('related.whyTerms', { terms: why.terms.slice(0, 4).join(', ') }) : null,
    why.sameSite ? t('related.whySite') : null,
    why.sameCategory ? t('related.whyCategory') : null,
  ].filter(Boolean).join(' · ');
}

export function RelatedView({ page, index, categoryPath, onOpen }: {
  page: RecallState['page'];
  index: RecallState['index'];
  categoryPath: (id: string | null) => string;
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  return (
    <section className="related" aria-label={t('related.label')} data-testid="related" data-status={page.status} data-page-url={page.tab?.url ?? ''} data-category-id={page.categoryId ?? ''}>
      <IndexStatus index={index} />
      {page.status === 'no-access' && (
        <div className="notice info" data-testid="related-no-access">
          <p>{t('related.noAccess')}</p>
          <p className="muted small">{t('related.noAccessHelp')}</p>
        </div>
      )}
      {page.status === 'excluded' && <p className="notice info" data-testid="related-excluded">{t('related.excluded')}</p>}
      {page.status === 'unreadable' && <p className="notice info" data-testid="related-unreadable">{t('related.unreadable', { reason: page.error ?? '' })}</p>}
      {page.status === 'error' && <p className="notice error" role="alert">{t('related.error', { message: page.error ?? '' })}</p>}
      {page.status === 'reading' && <p className="loading" role="status">{t('related.reading')}</p>}
      {page.thisClip && (
        <article className="this-page card" data-testid="related-this-page" data-clip-id={page.thisClip.id}>
          <h2 className="card-kicker">{t('related.thisPage')}</h2>
          <button type="button" className="card-title link-button" dir="auto" onClick={() => onOpen(page.thisClip!.id)}>{page.thisClip.title}</button>
          {page.thisClip.summary.abstract && <p dir="auto">{page.thisClip.summary.abstract}</p>}
          {page.thisClip.note && <p className="card-note" dir="auto">{page.thisClip.note}</p>}
        </article>
      )}
      {page.status === 'ready' && index.status === 'ready' && (
        page.related.length === 0
          ? <p className="empty">{t('related.empty')}</p>
          : (
            <ol className="result-list" data-testid="related-list" data-page-url={page.tab?.url ?? ''} data-cached={page.cached ? 'true' : 'false'}>
              {page.related.map((item) => <RelatedRow key={item.id} item={item} categoryPath={categoryPath} onOpen={onOpen} t={t} />)}
            </ol>
          )
      )}
      {(page.status === 'ready' || page.status === 'reading') && <p className="muted small privacy">{t('related.privacy')}</p>}
    </section>
  );
}

function RelatedRow({ item, categoryPath, onOpen, t }: { item: RelatedItem; categoryPath: (id: string | null) => string; onOpen: (id: string) => void; t: Translate }) {
  const meta = [item.card.site, categoryPath(item.card.categoryId)].filter(Boolean).join(' · ');
  return (
    <li className="result" data-testid="related-item" data-clip-id={item.id}>
      <button type="button" className="result-title link-button" dir="auto" onClick={() => onOpen(item.id)}>{item.card.title}</button>
      {meta && <div className="muted small" dir="auto">{meta}</div>}
      {item.snippet.text && <p className="snippet" dir="auto"><Marked value={item.snippet} /></p>}
      <div className="why small" data-testid="related-why">{whyText(item.why, t)}</div>
    </li>
  );
}
