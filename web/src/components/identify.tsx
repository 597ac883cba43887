// Identify: the screening interview. One question at a time, in an interview language that may
// differ from the app's own (interpreters); the server evaluates the answers after each one and
// ranks what to ask next. Nothing is stored unless the worker saves the summary.
import { useEffect, useLayoutEffect, useRef, useState, type MutableRef } from 'preact/hooks';
import {
  ANSWERS,
  ApiError,
  assess,
  loadRuleset,
  type Ruleset,
  type RulesetQuestion,
  type User,
} from '../api';
import { errorMessageKey } from '../errors';
import {
  LANGUAGE_NAMES,
  LANGUAGES,
  directionOf,
  isLang,
  useI18n,
  type Lang,
  type MessageKey,
} from '../i18n';
import { Summary } from './identify_summary';
import {
  FRESH,
  nextPhase,
  progressOf,
  requestOf,
  type Answers,
  type Interview,
  type Phase,
} from './interview_flow';
import { useTitle } from './views';

/** The roles the server lets create assessments; the others see a message instead. */
const INTERVIEW_ROLES: ReadonlySet<string> = new Set(['admin', 'coordinator', 'caseworker', 'screener']);

function failureKey(failure: unknown): MessageKey {
  if (failure instanceof ApiError && failure.status === 401) return 'signin.expired';
  if (failure instanceof ApiError && failure.status === 403) return 'identify.forbidden';
  return errorMessageKey(failure);
}

interface ViewProps {
  headingRef: MutableRef<HTMLHeadingElement | null>;
  user: User;
}

export function Identify({ headingRef, user }: ViewProps) {
  const { t } = useI18n();
  const title = t('nav.identify');
  useTitle(title);
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      {INTERVIEW_ROLES.has(user.role) ? (
        <InterviewScreen />
      ) : (
        <p class="notice" id="identify-forbidden">
          {t('identify.forbidden')}
        </p>
      )}
    </>
  );
}

function InterviewScreen() {
  const { t, lang: appLang } = useI18n();
  // The interview language starts as the app's and then goes its own way.
  const [lang, setLang] = useState<Lang>(appLang);
  const [rulesets, setRulesets] = useState<Partial<Record<Lang, Ruleset>>>({});
  const [shown, setShown] = useState<Lang | null>(null);
  const [loadError, setLoadError] = useState<MessageKey | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [iv, setIv] = useState<Interview>(FRESH);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const screenHeading = useRef<HTMLHeadingElement>(null);
  const wantFocus = useRef(false);

  useEffect(() => {
    if (rulesets[lang]) {
      setShown(lang);
      return;
    }
    let live = true;
    setLoadError(null);
    loadRuleset(lang).then(
      (ruleset) => {
        if (!live) return;
        setRulesets((known) => ({ ...known, [lang]: ruleset }));
        setShown(lang);
      },
      (failure) => {
        if (live) setLoadError(failureKey(failure));
      },
    );
    return () => {
      live = false;
    };
  }, [lang, attempt]);

  // After an action, start at the new screen's heading (the question, the summary, ...).
  useLayoutEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    screenHeading.current?.focus();
  });

  const ruleset = shown ? rulesets[shown] : undefined;
  if (!ruleset) {
    return (
      <>
        <LanguageSelect lang={lang} onChange={setLang} />
        {loadError ? (
          <>
            <p role="alert" class="alert">
              {t(loadError)}
            </p>
            <button type="button" class="button" onClick={() => setAttempt(attempt + 1)}>
              {t('app.retry')}
            </button>
          </>
        ) : (
          <p class="loading" aria-busy="true">
            {t('app.loading')}
          </p>
        )}
      </>
    );
  }

  const rulesetLang: Lang = isLang(ruleset.lang) ? ruleset.lang : 'en';
  const ui = ruleset.ui;
  const questions = new Map(ruleset.questions.map((q) => [q.id, q]));

  /** Evaluates `answers` and moves on to `phase` (default: whatever comes next). */
  const advance = async (answers: Answers, phase?: Phase) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      const assessment = await assess(requestOf(answers, false));
      wantFocus.current = true;
      setIv({
        ...answers,
        assessment,
        savedId: null,
        phase: phase ?? nextPhase(ruleset, answers, assessment),
      });
    } catch (failure) {
      setError(failureKey(failure));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const show = (phase: Phase) => {
    wantFocus.current = true;
    setError(null);
    setIv({ ...iv, phase });
  };

  const back = () => {
    const last = iv.history[iv.history.length - 1];
    if (last) void advance({ ...iv, history: iv.history.slice(0, -1) }, { kind: 'question', id: last.id });
  };

  const save = async () => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      const stored = await assess(requestOf(iv, true));
      if (!stored.id) throw new ApiError(502, null);
      setIv({ ...iv, savedId: stored.id });
    } catch (failure) {
      setError(failureKey(failure));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const { phase, assessment } = iv;
  const question = phase.kind === 'question' ? questions.get(phase.id) : undefined;
  const progress =
    phase.kind === 'question'
      ? (ui.progress ?? '{n} / {total}').replace(/\{(n|total)\}/g, (_, name: 'n' | 'total') =>
          String(progressOf(ruleset, iv, assessment)[name]),
        )
      : '';
  const urgent = assessment?.referral.level === 'urgent';

  return (
    <>
      <LanguageSelect lang={lang} onChange={setLang} />
      <div role="alert" class="alert">
        {error ? t(error) : loadError ? t(loadError) : ''}
      </div>
      {loadError && (
        <p class="no-print">
          <button type="button" class="button button--secondary" onClick={() => setAttempt(attempt + 1)}>
            {t('app.retry')}
          </button>
        </p>
      )}
      {/* Announces each new question's position; focus on its heading reads the question. */}
      <p class="visually-hidden" aria-live="polite" lang={rulesetLang}>
        {progress}
      </p>

      {phase.kind === 'start' && (
        <section class="screen" aria-labelledby="identify-start">
          <h2 id="identify-start" ref={screenHeading} tabIndex={-1}>
            {t('identify.start.title')}
          </h2>
          <p>{t('identify.start.text')}</p>
          <div class="interview-texts" lang={rulesetLang} dir={directionOf(rulesetLang)}>
            <p class="interpreter-note">{ui.interpreter_note}</p>
            <p class="disclaimer">{ui.disclaimer}</p>
          </div>
          <div class="actions">
            <button
              type="button"
              class="button button--large"
              aria-busy={busy ? 'true' : undefined}
              onClick={() => void advance({ protocol: 'triage', history: [], skipped: [] })}
            >
              {t('identify.triage')}
            </button>
            <button
              type="button"
              class="button button--large button--secondary"
              aria-busy={busy ? 'true' : undefined}
              onClick={() => void advance({ protocol: 'full', history: [], skipped: [] })}
            >
              {t('identify.full')}
            </button>
          </div>
        </section>
      )}

      {question && (
        <QuestionScreen
          key={`${question.id}:${iv.history.length}`}
          step={iv.history.length}
          question={question}
          ui={ui}
          lang={rulesetLang}
          progress={progress}
          urgent={urgent}
          busy={busy}
          canBack={iv.history.length > 0}
          headingRef={screenHeading}
          onAnswer={(value) =>
            void advance({ ...iv, history: [...iv.history, { id: question.id, value }] })
          }
          onSkip={() => void advance({ ...iv, skipped: [...iv.skipped, question.id] })}
          onBack={back}
          onFinish={assessment ? () => show({ kind: 'summary' }) : undefined}
        />
      )}

      {phase.kind === 'triageDone' && assessment && (
        <section class="screen" aria-labelledby="identify-triage-done">
          <h2 id="identify-triage-done" ref={screenHeading} tabIndex={-1}>
            {t('identify.triageDone.title')}
          </h2>
          <p>{t('identify.triageDone.text')}</p>
          <div class="actions">
            <button
              type="button"
              class="button button--large"
              onClick={() => void advance({ ...iv, protocol: 'full' })}
            >
              {t('identify.continueFull')}
            </button>
            <button
              type="button"
              class="button button--large button--secondary"
              onClick={() => show({ kind: 'summary' })}
            >
              {t('identify.stop')}
            </button>
            <button
              type="button"
              class="button button--secondary"
              lang={rulesetLang}
              onClick={back}
            >
              {ui.back}
            </button>
          </div>
        </section>
      )}

      {phase.kind === 'summary' && assessment && (
        <Summary
          ruleset={ruleset}
          rulesetLang={rulesetLang}
          assessment={assessment}
          protocol={iv.protocol}
          history={iv.history}
          savedId={iv.savedId}
          saving={busy}
          headingRef={screenHeading}
          onSave={() => void save()}
          onNew={() => {
            wantFocus.current = true;
            setError(null);
            setIv(FRESH);
          }}
        />
      )}
    </>
  );
}

function LanguageSelect({ lang, onChange }: { lang: Lang; onChange: (lang: Lang) => void }) {
  const { t } = useI18n();
  return (
    <div class="interview-language">
      <label for="interview-language">{t('identify.language')}</label>
      <select
        id="interview-language"
        value={lang}
        aria-describedby="interview-language-hint"
        onChange={(event) => {
          const value = (event.currentTarget as HTMLSelectElement).value;
          if (isLang(value)) onChange(value);
        }}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code} dir={directionOf(code)}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
      <p id="interview-language-hint" class="hint">
        {t('identify.languageHint')}
      </p>
    </div>
  );
}

interface QuestionProps {
  /** How many answers came before: with the id, tells one screen from the next. */
  step: number;
  question: RulesetQuestion;
  ui: Record<string, string>;
  lang: Lang;
  progress: string;
  urgent: boolean;
  busy: boolean;
  canBack: boolean;
  headingRef: MutableRef<HTMLHeadingElement | null>;
  onAnswer: (value: string) => void;
  onSkip: () => void;
  onBack: () => void;
  onFinish?: () => void;
}

function QuestionScreen(props: QuestionProps) {
  const { t, lang: appLang } = useI18n();
  const { question, ui, lang } = props;
  // Text the language lacks comes in English: mark it so, for speech and for the reader.
  const english = question.fallback ? { lang: 'en', dir: 'ltr' as const } : {};
  const choices: [string, string][] = question.options
    ? [...Object.entries(question.options), ['declined', ui.declined ?? 'declined']]
    : ANSWERS.map((answer) => [answer, ui[answer] ?? answer]);
  return (
    <>
      <section
        id="interview"
        class="interview"
        lang={lang}
        dir={directionOf(lang)}
        aria-labelledby="question-prompt"
        aria-busy={props.busy ? 'true' : undefined}
        data-question={question.id}
        data-step={props.step}
      >
        {props.urgent && <p class="urgent-banner">{ui['referral.urgent']}</p>}
        <p class="progress">{props.progress}</p>
        <h2 id="question-prompt" class="prompt" ref={props.headingRef} tabIndex={-1} {...english}>
          {question.prompt}
        </h2>
        {question.fallback && (
          <p class="fallback-note" lang={appLang} dir={directionOf(appLang)}>
            {t('identify.fallback')}
          </p>
        )}
        <details class="why">
          <summary>{ui.why_we_ask}</summary>
          <p {...english}>{question.why}</p>
        </details>
        <div class="answer-buttons" role="group" aria-labelledby="question-prompt">
          {choices.map(([value, label]) => (
            <button
              key={value}
              type="button"
              class="button button--answer"
              data-answer={value}
              onClick={() => props.onAnswer(value)}
            >
              {label}
            </button>
          ))}
        </div>
        <div class="actions">
          {props.canBack && (
            <button type="button" class="button button--secondary" onClick={props.onBack}>
              {ui.back}
            </button>
          )}
          <button type="button" class="button button--secondary" onClick={props.onSkip}>
            {ui.skip}
          </button>
        </div>
      </section>
      {props.onFinish && (
        <p class="finish">
          <button type="button" class="button button--quiet" onClick={props.onFinish}>
            {t('identify.finish')}
          </button>
        </p>
      )}
    </>
  );
}
