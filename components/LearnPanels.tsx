/** The Team view's learning sections: the team feed (by category), most useful and stale knowledge, usage per category, contributors, and "What Cairn counts". */
import type { FeedItem, InsightsResponse } from '../lib/sync/protocol';
import { useI18n } from './i18n';

/** "What Cairn counts": exactly what is counted, and what is not. */
export function WhatCairnCounts() {
  const { t } = useI18n();
  return (
    <details className="what-counts" data-testid="what-cairn-counts">
      <summary>{t('learn.whatCounts')}</summary>
      <ul>
        <li>{t('learn.counts.opens')}</li>
        <li>{t('learn.counts.helpful')}</li>
        <li>{t('learn.counts.contributions')}</li>
        <li>{t('learn.counts.notCounted')}</li>
        <li>{t('learn.counts.server')}</li>
      </ul>
    </details>
  );
}

/** The team feed with its category filter. */
export function TeamFeed({ items, category, categories, categoryName, onCategory, onOpen }: {
  items: readonly FeedItem[];
  category: string | null;
  categories: readonly { id: string; name: string }[];
  categoryName: (id: string | null) => string;
  onCategory: (id: string | null) => void;
  onOpen: (id: string) => void;
}) {
  const { t, date } = useI18n();
  return (
    <section data-testid="team-feed">
      <h3>{t('learn.feed')}</h3>
      <label className="small">
        {t('learn.feedCategory')}{' '}
        <select value={category ?? ''} onChange={(e) => onCategory(e.target.value || null)} data-testid="feed-category">
          <option value="">{t('learn.allCategories')}</option>
          {categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </label>
      {items.length === 0 ? (
        <p className="empty">{t('learn.feedEmpty')}</p>
      ) : (
        <ul className="clip-list">
          {items.map((i) => (
            <li key={`${i.kind}:${i.clipId}:${i.member.memberId}:${i.at}`} data-testid="feed-item" data-kind={i.kind}>
              <button type="button" className="clip-row" onClick={() => onOpen(i.clipId)}>
                <span className="clip-row-title" dir="auto">{t(`learn.kind.${i.kind}` as const, { name: i.member.name })} {i.title}</span>
                <span className="clip-row-meta muted small">{[i.categoryId ? categoryName(i.categoryId) : null, date(i.at)].filter(Boolean).join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Most useful and stale knowledge, usage per category, and contributors (recognition). */
export function TeamInsights({ insights, categoryName, onOpen }: { insights: InsightsResponse; categoryName: (id: string | null) => string; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <>
      <section data-testid="most-useful">
        <h3>{t('learn.mostUseful')}</h3>
        {insights.mostUseful.length === 0 ? (
          <p className="empty">{t('learn.noUseful')}</p>
        ) : (
          <ol className="clip-list">
            {insights.mostUseful.map((c) => (
              <li key={c.clipId} data-testid="useful-clip" data-clip-id={c.clipId}>
                <button type="button" className="clip-row" onClick={() => onOpen(c.clipId)}>
                  <span className="clip-row-title" dir="auto">{c.title || c.url}</span>
                  <span className="clip-row-meta muted small" data-testid="useful-counts">{t('learn.usageLine', { helpful: c.helpful, opens: c.opens })}</span>
                </button>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section data-testid="stale-clips">
        <h3>{t('learn.stale', { days: insights.staleDays })}</h3>
        {insights.staleCount === 0 ? (
          <p className="empty">{t('learn.noStale')}</p>
        ) : (
          <>
            <p className="muted small">{t('learn.staleCount', { count: insights.staleCount, days: insights.staleDays })}</p>
            <ul className="clip-list">
              {insights.stale.map((c) => (
                <li key={c.clipId}>
                  <button type="button" className="clip-row" onClick={() => onOpen(c.clipId)}>
                    <span className="clip-row-title" dir="auto">{c.title || c.url}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section data-testid="category-usage">
        <h3>{t('learn.byCategory')}</h3>
        <ul className="member-list">
          {insights.categories.map((c) => (
            <li key={c.categoryId ?? '-'}>
              <strong>{c.categoryId ? categoryName(c.categoryId) : t('learn.uncategorized')}</strong> · {t('learn.categoryLine', { clips: c.clips, opens: c.opens, helpful: c.helpful })}
            </li>
          ))}
        </ul>
      </section>
      <section data-testid="contributors">
        <h3>{t('learn.contributors')}</h3>
        <p className="muted small">{t('learn.thanks')}</p>
        <ul className="member-list">
          {insights.contributors.map((m) => (
            <li key={m.memberId} data-testid="contributor">
              <strong>{m.name}</strong> · {t('learn.contributorLine', { clips: m.clipsShared, notes: m.notes, highlights: m.highlights, helpful: m.helpfulReceived })}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** The reader's "Helpful" toggle, this user's open count, and the clip's contributors. */
export function ClipLearning({ helpful, opens, contributors, onToggleHelpful }: {
  helpful: boolean;
  opens: number;
  contributors: readonly { name: string; shared: boolean; noted: boolean; highlights: number }[];
  onToggleHelpful: () => void;
}) {
  const { t } = useI18n();
  return (
    <section className="clip-learning" data-testid="clip-learning">
      <button type="button" className={helpful ? 'button active' : 'button'} aria-pressed={helpful} data-testid="helpful-toggle" onClick={onToggleHelpful} title={helpful ? t('learn.unmarkHelpful') : t('learn.markHelpful')}>
        {helpful ? `★ ${t('learn.helpful')}` : `☆ ${t('learn.markHelpful')}`}
      </button>
      {opens > 0 && <p className="muted small">{t('learn.myOpens', { count: opens })}</p>}
      {contributors.length > 0 && (
        <p className="small" data-testid="clip-contributors">
          {t('learn.clipContributors')}:{' '}
          {contributors
            .map((c) => `${c.name} (${[c.shared ? t('learn.contributedShared') : null, c.noted ? t('learn.contributedNoted') : null, c.highlights ? t('learn.contributedHighlights', { count: c.highlights }) : null].filter(Boolean).join(', ')})`)
            .join(' · ')}
        </p>
      )}
      <WhatCairnCounts />
    </section>
  );
}
