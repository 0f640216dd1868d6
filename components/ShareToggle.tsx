/** The clip form's "Share with the team" switch (shown only when a team is connected). */
import { useI18n } from './i18n';

export function ShareToggle({ teamName, shared, disabled, onChange }: { teamName: string; shared: boolean; disabled?: boolean; onChange: (shared: boolean) => void }) {
  const { t } = useI18n();
  return (
    <div className="field share-toggle">
      <label className="checkbox">
        <input type="checkbox" data-testid="clip-share" checked={shared} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
        {t('share.toggle', { team: teamName })}
      </label>
      <span className="muted small">{shared ? t('share.shared') : t('share.private')}</span>
    </div>
  );
}
