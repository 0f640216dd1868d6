/** Settings → Import and export: export the library as a file, import one with progress and the report. */
import { useState } from 'react';
import type { ExportFormat } from '../lib/transfer/types';
import type { ExportDownload, ImportState } from '../lib/store/transfer';
import { useI18n } from './i18n';

/** Save `file` through an object URL and an `<a download>` (no downloads permission needed). */
export function downloadFile(file: ExportDownload, doc: Document = document): void {
  const blob = new Blob([typeof file.data === 'string' ? file.data : (file.data as Uint8Array<ArrayBuffer>)], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const FORMATS: ExportFormat[] = ['jsonl', 'markdown', 'netscape'];
const MAX_SKIPS_SHOWN = 50;

export function TransferSettings({ importState, onExport, onImport }: {
  importState: Pick<ImportState, 'status' | 'progress' | 'report' | 'error' | 'fileName'>;
  onExport: (format: ExportFormat) => void;
  onImport: (file: File) => void;
}) {
  const { t } = useI18n();
  const [format, setFormat] = useState<ExportFormat>('jsonl');
  const s = importState;
  const busy = s.status === 'reading' || s.status === 'saving';
  return (
    <section className="settings-section transfer" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">{t('transfer.label')}</h2>
      <div className="row">
        <label>
          {t('transfer.format')}{' '}
          <select data-testid="export-format" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {FORMATS.map((f) => <option key={f} value={f}>{t(`transfer.${f}` as const)}</option>)}
          </select>
        </label>
        <button type="button" data-testid="export-button" onClick={() => onExport(format)}>{t('transfer.export')}</button>
      </div>
      <label className="import-file">
        {t('transfer.import')}
        <input
          type="file"
          data-testid="import-file"
          accept=".jsonl,.ndjson,.json,.html,.htm,.csv,.zip"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onImport(file);
            e.target.value = '';
          }}
        />
      </label>
      {busy && (
        <p role="status" className="small">
          <progress max={Math.max(1, s.progress.total)} value={s.progress.done} />{' '}
          {t(s.status === 'reading' ? 'transfer.reading' : 'transfer.saving', { done: s.progress.done, total: s.progress.total })}
        </p>
      )}
      {s.status === 'error' && s.error && <p className="notice error" role="alert">{t('transfer.failed', { message: s.error })}</p>}
      {s.status === 'done' && s.report && (
        <div data-testid="import-report" className="import-report" data-imported={s.report.imported} data-updated={s.report.updated} data-skipped={s.report.skipped.length}>
          <p>{t('transfer.report', { imported: s.report.imported, updated: s.report.updated, skipped: s.report.skipped.length })}</p>
          {s.report.skipped.length > 0 && (
            <ul className="small muted">
              {s.report.skipped.slice(0, MAX_SKIPS_SHOWN).map((skip, i) => (
                <li key={i}>{t('transfer.skippedItem', { item: String(skip.item), reason: skip.reason })}</li>
              ))}
              {s.report.skipped.length > MAX_SKIPS_SHOWN && <li>…</li>}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
