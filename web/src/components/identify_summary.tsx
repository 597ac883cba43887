// The interview's summary: the referral, the ILO sets and the Palermo elements as three separate
// parts (never one verdict), the answers given (declined ones left out, also in print), the
// disclaimer and the ruleset's status. Saving is the worker's choice, never automatic.
import { useLayoutEffect, useRef, useState, type MutableRef } from 'preact/hooks';
import type { Assessment, Ruleset } from '../api';
import { directionOf, useI18n, type Lang, type MessageKey, type Translate } from '../i18n';
import en from '../i18n/en.json';
import type { Protocol, Step } from './interview_flow';

interface Props {
  ruleset: Ruleset;
  rulesetLang: Lang;
  assessment: Assessment;
  protocol: Protocol;
  history: Step[];
  savedId: string | null;
  saving: boolean;
  headingRef: MutableRef<HTMLHeadingElement | null>;
  onSave: () => void;
  onNew: () => void;
}

/** `prefix.value` translated when the catalogue has it, else the value as the server sent it. */
function named(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return key in en ? t(key as MessageKey) : value;
}

const ENGLISH = { lang: 'en', dir: 'ltr' as const };

export function Summary(props: Props) {
  const { t, lang: appLang } = useI18n();
  const { ruleset, rulesetLang, assessment, history } = props;
  const ui = ruleset.ui;
  const interview = { lang: rulesetLang, dir: directionOf(rulesetLang) };
  const [finishedAt] = useState(() => new Date());
  const savedRef = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    if (props.savedId) savedRef.current?.focus();
  }, [props.savedId]);

  const questions = new Map(ruleset.questions.map((q) => [q.id, q]));
  const labelOf = (id: string) => questions.get(id)?.label ?? id;
  const level = assessment.referral.level;
  const palermo = assessment.palermo;
  const yesNo = (value: boolean) => t(value ? 'identify.value.yes' : 'identify.value.no');
  // The printed record keeps what the person said, never what they declined to say.
  const given = history.filter((step) => step.value !== 'declined');
  const answerText = (value: string) =>
    named(t, value === 'unknown' || value === 'yes' || value === 'no' ? 'identify.value' : 'identify.person', value);

  return (
    <section class="summary" aria-labelledby="summary-title">
      <h2 id="summary-title" ref={props.headingRef} tabIndex={-1} {...interview}>
        {ui.summary}
      </h2>
      <p class="summary-meta">
        {t('identify.interview')}:{' '}
        {props.protocol === 'triage' ? t('identify.protocol.triage') : t('identify.full')}
        {' · '}
        {t('identify.date')}:{' '}
        {finishedAt.toLocaleString(appLang, { dateStyle: 'medium', timeStyle: 'short' })}
      </p>

      <section class="part part--referral" aria-labelledby="summary-referral">
        <h3 id="summary-referral">{t('identify.referral')}</h3>
        <p class={`level level--${level}`} data-level={level}>
          {named(t, 'identify.level', level)}
        </p>
        <p class="level-text" {...interview}>
          {ui[`referral.${level}`] ?? ''}
        </p>
        <h4>{t('identify.reasons')}</h4>
        <ul class="reasons" {...ENGLISH}>
          {assessment.referral.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      </section>

      <section class="part part--ilo" aria-labelledby="summary-ilo">
        <h3 id="summary-ilo">{t('identify.ilo')}</h3>
        {assessment.sets.map((set) => (
          <section key={set.set} class="ilo-set" data-set={set.set}>
            <h4>{named(t, 'identify.set', set.set)}</h4>
            <p>
              {t('identify.outcome')}:{' '}
              <strong class="outcome" data-outcome={set.outcome}>
                {named(t, 'identify.outcome', set.outcome)}
              </strong>
            </p>
            <ul class="dimensions">
              {ruleset.dimensions
                .filter((dimension) => set.dimensions[dimension.id])
                .map((dimension) => {
                  const result = set.dimensions[dimension.id];
                  return (
                    <li key={dimension.id}>
                      <span class="dimension-name" {...ENGLISH}>
                        {dimension.name}
                      </span>{' '}
                      ({dimension.id}): {named(t, 'identify.status', result.status)}
                      {result.by.length > 0 && (
                        <>
                          <br />
                          {t('identify.yesIndicators')}:
                          <ul class="indicators" {...ENGLISH}>
                            {result.by.map((id) => (
                              <li key={id}>{labelOf(id)}</li>
                            ))}
                          </ul>
                        </>
                      )}
                    </li>
                  );
                })}
            </ul>
          </section>
        ))}
      </section>

      <section class="part part--palermo" aria-labelledby="summary-palermo">
        <h3 id="summary-palermo">{t('identify.palermo')}</h3>
        <p class="part-note">{t('identify.palermoNote')}</p>
        <dl class="facts">
          {(['act', 'means', 'purpose'] as const).map((element) => (
            <div key={element}>
              <dt>{t(`identify.palermo.${element}`)}</dt>
              <dd data-palermo={element}>{named(t, 'identify.value', palermo[element])}</dd>
            </div>
          ))}
          <div>
            <dt>{t('identify.palermo.childPath')}</dt>
            <dd>{yesNo(palermo.child_path)}</dd>
          </div>
          <div>
            <dt>{t('identify.outcome')}</dt>
            <dd data-palermo="outcome">{named(t, 'identify.outcome', palermo.outcome)}</dd>
          </div>
          {palermo.adult_outcome && (
            <div>
              <dt>{t('identify.palermo.adultOutcome')}</dt>
              <dd>{named(t, 'identify.outcome', palermo.adult_outcome)}</dd>
            </div>
          )}
        </dl>
      </section>

      <section class="part part--answers" aria-labelledby="summary-answers">
        <h3 id="summary-answers">{t('identify.answers')}</h3>
        <p class="part-note">{t('identify.answersNote')}</p>
        {given.length > 0 ? (
          <dl class="facts answers-given">
            {given.map((step) => (
              <div key={step.id} data-question={step.id}>
                <dt {...ENGLISH}>{labelOf(step.id)}</dt>
                <dd>{answerText(step.value)}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p>{t('identify.answersNone')}</p>
        )}
      </section>

      <p class="disclaimer" {...interview}>
        {ui.disclaimer}
      </p>
      <div class="ruleset-meta">
        <p>
          {t('identify.ruleset', { id: assessment.ruleset.id, version: assessment.ruleset.version })}
          {' – '}
          {assessment.ruleset.status === 'pending_verification'
            ? t('identify.pending')
            : t('identify.rulesetStatus', { status: assessment.ruleset.status })}
        </p>
        <details class="unverified">
          <summary>
            {t('identify.unverified', {
              count: String(assessment.ruleset.unverified_items_used.length),
            })}
          </summary>
          {assessment.ruleset.unverified_items_used.length > 0 ? (
            <ul {...ENGLISH}>
              {assessment.ruleset.unverified_items_used.map((item) => (
                <li key={item}>
                  <code>{item}</code>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('identify.unverifiedNone')}</p>
          )}
        </details>
      </div>

      {props.savedId && (
        <p id="identify-saved" class="notice saved" role="status" tabIndex={-1} ref={savedRef}>
          {t('identify.saved', { id: props.savedId })}
        </p>
      )}
      <div class="actions no-print">
        {!props.savedId && (
          <button
            type="button"
            class="button"
            aria-busy={props.saving ? 'true' : undefined}
            onClick={props.onSave}
          >
            {props.saving ? t('identify.saving') : t('identify.save')}
          </button>
        )}
        <button type="button" class="button button--secondary" onClick={() => window.print()}>
          {t('identify.print')}
        </button>
        <button type="button" class="button button--secondary" onClick={props.onNew}>
          {t('identify.new')}
        </button>
      </div>
    </section>
  );
}
