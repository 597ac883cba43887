// Import of indicator series for analysts: a tidy CSV (area,indicator,period,value[,source]) pasted
// or read from a file, sent as it is; the server checks every row and stores all or nothing. A
// refusal shows the server's explanation with the row it names. After an import the areas can be
// evaluated at once.
import { useRef, useState } from 'preact/hooks';
import { useWarnI18n, type AnyKey } from '../../i18n/warn';
import { importSeries, problemDetail, run, type ImportResult } from './api';
import { failureKey } from './common';

/** Large enough for years of monthly data for many areas; the server has its own limit. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

type Outcome =
  | { kind: 'imported'; result: ImportResult }
  | { kind: 'refused'; detail: string | null; row: number | null; key: AnyKey }
  | { kind: 'evaluated' }
  | { kind: 'runFailed'; key: AnyKey };

export function ImportScreen() {
  const { t } = useWarnI18n();
  const [csv, setCsv] = useState('');
  const [fileError, setFileError] = useState<AnyKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  const readFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setFileError(null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileError('warn.import.tooLarge');
      return;
    }
    try {
      setCsv(await file.text());
    } catch {
      setFileError('warn.import.unreadable');
    }
  };

  const show = (next: Outcome) => {
    setOutcome(next);
    // The outcome is announced (status/alert) and focused, so keyboard users are taken to it.
    requestAnimationFrame(() => outcomeRef.current?.focus());
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (!csv.trim()) {
      show({ kind: 'refused', detail: null, row: null, key: 'warn.import.empty' });
      return;
    }
    setBusy(true);
    try {
      show({ kind: 'imported', result: await importSeries(csv) });
    } catch (failure) {
      const problem = problemDetail(failure);
      show({ kind: 'refused', detail: problem?.detail ?? null, row: problem?.row ?? null, key: failureKey(failure) });
    } finally {
      setBusy(false);
    }
  };

  const evaluate = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await run();
      show({ kind: 'evaluated' });
    } catch (failure) {
      show({ kind: 'runFailed', key: failureKey(failure) });
    } finally {
      setBusy(false);
    }
  };

  const failed = outcome?.kind === 'refused' || outcome?.kind === 'runFailed';
  return (
    <>
      <p>{t('warn.import.intro')}</p>
      <pre class="warn-example" lang="en" dir="ltr">
        {'area,indicator,period,value,source\nBGD,conflict-events,2024-01,12,UCDP GED 24.1'}
      </pre>
      <form class="form warn-import" noValidate onSubmit={(event) => void submit(event)}>
        <div class="field">
          <label for="warn-import-file">{t('warn.import.file')}</label>
          <input
            id="warn-import-file"
            type="file"
            accept=".csv,text/csv,text/plain"
            aria-describedby={fileError ? 'warn-import-file-error' : undefined}
            onChange={(event) => void readFile(event.currentTarget as HTMLInputElement)}
          />
          {fileError && (
            <p id="warn-import-file-error" class="field-error">
              {t(fileError)}
            </p>
          )}
        </div>
        <div class="field">
          <label for="warn-import-csv">{t('warn.import.csv')}</label>
          <textarea
            id="warn-import-csv"
            class="warn-csv"
            rows={10}
            dir="ltr"
            spellcheck={false}
            value={csv}
            aria-describedby="warn-import-csv-hint"
            onInput={(event) => setCsv((event.currentTarget as HTMLTextAreaElement).value)}
          />
          <p id="warn-import-csv-hint" class="hint">
            {t('warn.import.csvHint')}
          </p>
        </div>
        <button type="submit" class="button" id="warn-import-submit" aria-busy={busy ? 'true' : undefined}>
          {t('warn.import.submit')}
        </button>
      </form>

      <div
        ref={outcomeRef}
        tabIndex={-1}
        id="warn-import-outcome"
        role={failed ? 'alert' : 'status'}
        class={outcome ? (failed ? 'alert' : 'notice') : 'status'}
      >
        {outcome?.kind === 'imported' &&
          t('warn.import.done', {
            series: String(outcome.result.series),
            periods: String(outcome.result.periods),
          })}
        {outcome?.kind === 'refused' && (
          <>
            <span>{t(outcome.key === 'error.generic' ? 'warn.import.refused' : outcome.key)}</span>
            {outcome.row !== null && (
              <span class="warn-import-row"> {t('warn.import.row', { row: String(outcome.row) })}</span>
            )}
            {outcome.detail && (
              <span class="warn-import-detail" lang="en" dir="ltr">
                {' '}
                {outcome.detail}
              </span>
            )}
          </>
        )}
        {outcome?.kind === 'evaluated' && (
          <>
            {t('warn.run.done')} <a href="#/warn">{t('warn.import.seeMap')}</a>
          </>
        )}
        {outcome?.kind === 'runFailed' && t(outcome.key)}
      </div>
      {outcome?.kind === 'imported' && (
        <div class="actions">
          <button type="button" class="button" id="warn-import-run" onClick={() => void evaluate()}>
            {t('warn.run.button')}
          </button>
        </div>
      )}
    </>
  );
}
