/** The panel's top navigation: Related · Search · Clip · Library · Map · Team · Settings (a tab list, arrow keys move between tabs). */
import type { KeyboardEvent } from 'react';
import { useI18n } from './i18n';

export type View = 'related' | 'search' | 'clip' | 'library' | 'map' | 'team' | 'settings';
const VIEWS: View[] = ['related', 'search', 'clip', 'library', 'map', 'team', 'settings'];

export function Nav({ view, onChange, badges }: { view: View; onChange: (view: View) => void; /** A count shown on a tab (the Team tab's new feed items). */ badges?: Partial<Record<View, number>> }) {
  const { t } = useI18n();
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = VIEWS[(VIEWS.indexOf(view) + step + VIEWS.length) % VIEWS.length];
    onChange(next);
    (e.currentTarget.querySelector(`[data-view="${next}"]`) as HTMLElement | null)?.focus();
  };
  return (
    <nav className="nav" role="tablist" aria-label={t('nav.label')} onKeyDown={onKeyDown}>
      {VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          data-view={v}
          data-testid={`tab-${v}`}
          aria-selected={view === v}
          tabIndex={view === v ? 0 : -1}
          className={view === v ? 'nav-tab active' : 'nav-tab'}
          onClick={() => onChange(v)}
        >
          {t(`nav.${v}` as const)}
          {!!badges?.[v] && (
            <span className="nav-badge" data-testid={`badge-${v}`} title={t('learn.newBadge', { count: badges[v] ?? 0 })}>
              {badges[v]}
            </span>
          )}
        </button>
      ))}
    </nav>
  );
}
