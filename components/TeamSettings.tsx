/** Settings → Team: connect with a server address and invite code, test it, see who is in, leave. */
import { useState, type FormEvent } from 'react';
import type { TeamState } from '../lib/store/team';
import { useI18n } from './i18n';
import { SyncStatus } from './SyncStatus';

export function TeamSettings({ team, shareByDefault, onShareByDefault, onConnect, onLeave, onTest, onSyncNow }: {
  team: Pick<TeamState, 'status' | 'info' | 'testMs' | 'busy' | 'error'>;
  shareByDefault: boolean;
  onShareByDefault: (on: boolean) => void;
  onConnect: (input: { endpoint: string; code: string; name: string }) => void;
  onLeave: () => void;
  onTest: () => void;
  onSyncNow: () => void;
}) {
  const { t } = useI18n();
  const [endpoint, setEndpoint] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const connection = team.status?.connection ?? null;
  const error = team.error?.startsWith('permission:') ? t('team.permissionDenied', { origin: team.error.slice('permission:'.length) }) : team.error;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (endpoint.trim() && code.trim() && name.trim()) onConnect({ endpoint, code, name });
  };

  return (
    <section className="field team-settings" data-testid="team-settings" aria-labelledby="team-settings-title">
      <h2 id="team-settings-title">{t('team.title')}</h2>
      {error && <p className="notice error" role="alert" data-testid="team-error">{error}</p>}
      {!connection ? (
        <form className="team-connect" onSubmit={submit}>
          <p className="muted small">{t('team.connectHelp')}</p>
          <label htmlFor="team-endpoint">{t('team.endpoint')}</label>
          <input id="team-endpoint" className="input" data-testid="team-endpoint" type="url" placeholder="https://cairn.example.org" value={endpoint} onChange={(e) => setEndpoint(e.target.value)} />
          <label htmlFor="team-code">{t('team.code')}</label>
          <input id="team-code" className="input" data-testid="team-code" autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} />
          <label htmlFor="team-name">{t('team.name')}</label>
          <input id="team-name" className="input" data-testid="team-name" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button primary" data-testid="team-connect" disabled={team.busy === 'connect' || !endpoint.trim() || !code.trim() || !name.trim()}>
            {team.busy === 'connect' ? t('team.connecting') : t('team.connect')}
          </button>
        </form>
      ) : (
        <div className="team-connected">
          <p data-testid="team-connected">
            {t('team.connectedAs', { team: connection.team.name, name: connection.member.name, role: t(`team.role.${connection.member.role}`) })}
          </p>
          <p className="muted small">{t('team.server', { endpoint: connection.endpoint })}</p>
          <SyncStatus status={team.status} syncing={team.busy === 'sync'} onSyncNow={onSyncNow} />
          <label className="checkbox">
            <input type="checkbox" data-testid="share-default" checked={shareByDefault} onChange={(e) => onShareByDefault(e.target.checked)} />
            {t('team.shareDefault')}
          </label>
          <div className="form-actions">
            <button type="button" className="button" data-testid="team-test" disabled={team.busy !== null} onClick={onTest}>{t('team.test')}</button>
            <button
              type="button"
              className="button danger"
              data-testid="team-leave"
              disabled={team.busy !== null}
              onClick={() => window.confirm(t('team.leaveConfirm', { team: connection.team.name })) && onLeave()}
            >
              {t('team.leave')}
            </button>
          </div>
          {team.testMs !== null && <p className="muted small" data-testid="team-test-ok">{t('team.testOk', { ms: team.testMs })}</p>}
          {team.info && (
            <>
              <h3>{t('team.members')}</h3>
              <ul className="member-list" data-testid="team-members">
                {team.info.members.map((m) => (
                  <li key={m.id}>{m.name} · {t(`team.role.${m.role}`)} · {t('team.memberShared', { count: m.clipsShared })}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
