/** The Team view: the sync state, recent team clips with their authors, and members with what each shared. */
import { useEffect } from 'react';
import type { ClipListItem } from '../lib/clip/types';
import type { LearnState } from '../lib/store/learn';
import type { TeamState } from '../lib/store/team';
import { recentTeamClips } from '../lib/store/team';
import { TeamFeed, TeamInsights, WhatCairnCounts } from './LearnPanels';
import { hostOf } from './Library';
import { useI18n } from './i18n';
import { SyncStatus } from './SyncStatus';

export function TeamView({ team, clips, onOpen, onLoadInfo, onSyncNow, onOpenSettings, learning }: {
  team: Pick<TeamState, 'status' | 'info' | 'busy' | 'error'>;
  clips: readonly ClipListItem[];
  onOpen: (id: string) => void;
  onLoadInfo: () => void;
  onSyncNow: () => void;
  onOpenSettings: () => void;
  /** Learning (feed, insights, contributors); absent in pages that do not show it. */
  learning?: {
    state: Pick<LearnState, 'insights' | 'feed' | 'category'>;
    categories: readonly { id: string; name: string }[];
    categoryName: (id: string | null) => string;
    onLoad: () => void;
    onCategory: (id: string | null) => void;
  };
}) {
  const { t, date } = useI18n();
  const connection = team.status?.connection ?? null;
  useEffect(() => {
    if (connection) onLoadInfo();
    if (connection) learning?.onLoad();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [connection?.team.id]);

  if (!connection) {
    return (
      <section className="team-view" data-testid="team-view">
        <p className="empty">{t('team.notConnected')}</p>
        <button type="button" className="button" onClick={onOpenSettings}>{t('team.openSettings')}</button>
      </section>
    );
  }
  const recent = recentTeamClips(clips);
  return (
    <section className="team-view" data-testid="team-view" aria-label={t('team.title')}>
      <h2>{connection.team.name}</h2>
      <SyncStatus status={team.status} syncing={team.busy === 'sync'} onSyncNow={onSyncNow} />
      {team.error && <p className="notice error" role="alert">{team.error}</p>}
      {learning && (
        <TeamFeed
          items={learning.state.feed}
          category={learning.state.category}
          categories={learning.categories}
          categoryName={learning.categoryName}
          onCategory={learning.onCategory}
          onOpen={onOpen}
        />
      )}
      {learning?.state.insights && <TeamInsights insights={learning.state.insights} categoryName={learning.categoryName} onOpen={onOpen} />}
      {learning && <WhatCairnCounts />}
      <h3>{t('team.recent')}</h3>
      {recent.length === 0 ? (
        <p className="empty">{t('team.noRecent')}</p>
      ) : (
        <ul className="clip-list" data-testid="team-recent">
          {recent.map((clip) => (
            <li key={clip.id} data-testid="team-clip" data-clip-id={clip.id}>
              <button type="button" className="clip-row" onClick={() => onOpen(clip.id)}>
                <span className="clip-row-title" dir="auto">{clip.title || clip.url}</span>
                <span className="clip-row-meta muted small">
                  {[t('clip.by', { name: clip.author?.name ?? connection.member.name }), clip.siteName ?? hostOf(clip.url), date(clip.updatedAt)].filter(Boolean).join(' · ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {team.info && (
        <>
          <h3>{t('team.members')}</h3>
          <ul className="member-list" data-testid="team-members">
            {[...team.info.members].sort((a, b) => b.clipsShared - a.clipsShared).map((m) => (
              <li key={m.id}>
                <strong>{m.name}</strong> · {t(`team.role.${m.role}`)} · {t('team.memberShared', { count: m.clipsShared })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
