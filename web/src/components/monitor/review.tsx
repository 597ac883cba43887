// Recording a review decision (benign / suspicious / reported) with an optional note, and the
// cluster's review history, newest first.
import { useState } from 'preact/hooks';
import { useMonitorI18n } from '../../i18n/monitor';
import { DECISIONS, NOTE_MAX, type Decision, type Review } from './api';
import { StatusBadge, useFormats } from './common';

interface FormProps {
  busy: boolean;
  /** Resolves true when the server took it (the form is then emptied). */
  onSubmit: (decision: Decision, note: string) => Promise<boolean>;
}

export function ReviewForm({ busy, onSubmit }: FormProps) {
  const { t } = useMonitorI18n();
  const formats = useFormats();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <form
      class="form monitor-review-form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        if (!decision) {
          setMissing(true);
          document.getElementById(`monitor-decision-${DECISIONS[0]}`)?.focus();
          return;
        }
        setMissing(false);
        if (await onSubmit(decision, note.trim())) {
          setDecision(null);
          setNote('');
        }
      }}
    >
      <fieldset
        class="monitor-decisions"
        aria-describedby={missing ? 'monitor-decision-error' : 'monitor-decision-hint'}
      >
        <legend>{t('monitor.review.decision')}</legend>
        <p id="monitor-decision-hint" class="hint">
          {t('monitor.review.hint')}
        </p>
        {DECISIONS.map((value) => (
          <div class="monitor-choice" key={value}>
            <input
              type="radio"
              name="monitor-decision"
              id={`monitor-decision-${value}`}
              value={value}
              checked={decision === value}
              onChange={() => setDecision(value)}
            />
            <label for={`monitor-decision-${value}`}>
              {t(`monitor.status.${value}`)}
              <span class="monitor-choice__hint">{t(`monitor.review.meaning.${value}`)}</span>
            </label>
          </div>
        ))}
        {missing && (
          <p id="monitor-decision-error" class="field-error">
            {t('monitor.review.decisionMissing')}
          </p>
        )}
      </fieldset>
      <div class="field">
        <label for="monitor-note">{t('monitor.review.note')}</label>
        <textarea
          id="monitor-note"
          rows={3}
          maxLength={NOTE_MAX}
          value={note}
          aria-describedby="monitor-note-hint"
          onInput={(event) => setNote((event.currentTarget as HTMLTextAreaElement).value)}
        />
        <p id="monitor-note-hint" class="hint">
          {t('monitor.review.noteHint', { max: formats.count(NOTE_MAX), left: formats.count(NOTE_MAX - note.length) })}
        </p>
      </div>
      <button type="submit" class="button" id="monitor-review-submit" aria-busy={busy ? 'true' : undefined}>
        {t('monitor.review.submit')}
      </button>
    </form>
  );
}

export function ReviewHistory({ reviews }: { reviews: Review[] }) {
  const { t } = useMonitorI18n();
  const formats = useFormats();
  if (reviews.length === 0) return <p id="monitor-reviews-empty">{t('monitor.review.none')}</p>;
  return (
    <ol class="monitor-reviews plain-list" id="monitor-reviews" aria-labelledby="monitor-history-heading">
      {reviews.map((review, index) => (
        <li key={index} data-status={review.status}>
          <p class="monitor-review__head">
            <StatusBadge status={review.status} />
            {' · '}
            <bdi>{review.by}</bdi>
            {' · '}
            <time dateTime={review.at}>{formats.time(review.at)}</time>
          </p>
          {review.note && (
            <p class="monitor-review__note" dir="auto">
              {review.note}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
