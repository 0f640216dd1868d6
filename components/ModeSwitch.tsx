/** Article · Selection · Full page · Link: how much of the page the clip keeps. */
import type { ClipMode } from '../lib/clip/types';
import { useI18n } from './i18n';

const MODES: ClipMode[] = ['article', 'selection', 'page', 'link'];

export function ModeSwitch({ mode, disabled, onChange }: { mode: ClipMode; disabled?: boolean; onChange: (mode: ClipMode) => void }) {
  const { t } = useI18n();
  return (
    <div className="segmented" role="radiogroup" aria-label={t('mode.label')}>
      {MODES.map((m) => (
        <button
          key={m}
          type="button"
          role="radio"
          aria-checked={mode === m}
          data-testid={`mode-${m}`}
          className={mode === m ? 'segment active' : 'segment'}
          disabled={disabled}
          onClick={() => mode !== m && onChange(m)}
        >
          {t(`mode.${m}` as const)}
        </button>
      ))}
    </div>
  );
}
