/** Edit a summary: the abstract (textarea) and the key points (one line each). */
import type { Summary } from '../lib/clip/types';
import { useI18n } from './i18n';

export function SummaryEditor({ summary, onChange, idPrefix, testId = 'clip-summary' }: {
  summary: Summary;
  onChange: (summary: Summary) => void;
  idPrefix: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const setPoint = (i: number, value: string) => onChange({ ...summary, keyPoints: summary.keyPoints.map((p, j) => (j === i ? value : p)) });
  const removePoint = (i: number) => onChange({ ...summary, keyPoints: summary.keyPoints.filter((_, j) => j !== i) });
  return (
    <fieldset className="field summary-editor">
      <legend>{t('form.summary')}</legend>
      <label className="sub-label" htmlFor={`${idPrefix}-abstract`}>{t('form.abstract')}</label>
      <textarea
        id={`${idPrefix}-abstract`}
        className="input"
        data-testid={testId}
        rows={4}
        value={summary.abstract}
        onChange={(e) => onChange({ ...summary, abstract: e.target.value })}
      />
      <span className="sub-label">{t('form.keyPoints')}</span>
      <ol className="key-points">
        {summary.keyPoints.map((point, i) => (
          <li key={i}>
            <textarea
              className="input key-point"
              rows={2}
              aria-label={t('form.keyPoint', { n: i + 1 })}
              value={point}
              onChange={(e) => setPoint(i, e.target.value)}
            />
            <button type="button" className="icon-button" aria-label={t('form.removeKeyPoint', { n: i + 1 })} onClick={() => removePoint(i)}>×</button>
          </li>
        ))}
      </ol>
      {summary.keyPoints.length < 8 && (
        <button type="button" className="link-button" onClick={() => onChange({ ...summary, keyPoints: [...summary.keyPoints, ''] })}>
          + {t('form.addKeyPoint')}
        </button>
      )}
    </fieldset>
  );
}
