// The alert inbox (open or closed alerts) and one alert: why it was raised, who owns it, what has
// been done (the response log) and the next steps — acknowledge, record an action, close, add a
// note. The server decides who may act (the area's owner, a coordinator or an admin); a refusal
// is shown as such.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { User } from '../../api';
import { useWarnI18n, type AnyKey } from '../../i18n/warn';
import {
  actOnAlert,
  loadAlert,
  loadAlerts,
  type AlertAction,
  type AlertDetail,
  type AlertState,
} from './api';
import { Failed, LevelBadge, Loading, failureKey, useFormats, useLoad } from './common';

type Box = 'open' | 'closed';

function stateKey(state: AlertState): AnyKey {
  return `warn.state.${state}`;
}

function eventKey(kind: string): AnyKey | null {
  const known = ['opened', 'escalated', 'acknowledged', 'action', 'note', 'closed'];
  return known.includes(kind) ? (`warn.event.${kind}` as AnyKey) : null;
}

export function AlertsScreen() {
  const { t } = useWarnI18n();
  const formats = useFormats();
  const [box, setBox] = useState<Box>('open');
  const [alerts, reload] = useLoad(() => loadAlerts(box), [box]);

  return (
    <>
      <div class="warn-tabs" role="group" aria-label={t('warn.alerts.which')}>
        {(['open', 'closed'] as const).map((which) => (
          <button
            key={which}
            type="button"
            class={`button ${which === box ? '' : 'button--secondary'}`}
            aria-pressed={which === box ? 'true' : 'false'}
            onClick={() => setBox(which)}
          >
            {t(which === 'open' ? 'warn.alerts.open' : 'warn.alerts.closed')}
          </button>
        ))}
      </div>
      {alerts.kind === 'loading' && <Loading />}
      {alerts.kind === 'failed' && <Failed error={alerts.error} onRetry={reload} />}
      {alerts.kind === 'ready' &&
        (alerts.value.length === 0 ? (
          <p id="warn-alerts-empty">{t(box === 'open' ? 'warn.alerts.noneOpen' : 'warn.alerts.noneClosed')}</p>
        ) : (
          <ul class="warn-alert-list" id="warn-alerts">
            {alerts.value.map((alert) => (
              <li key={alert.id} class="warn-alert-item" data-alert={alert.id}>
                <p class="warn-alert-item__title">
                  <a href={`#/warn/alerts/${alert.id}`}>
                    {t('warn.alert.title', { id: String(alert.id) })}: <bdi>{alert.area_name}</bdi>
                  </a>
                </p>
                <p class="warn-alert-item__facts">
                  <LevelBadge level={alert.level} />{' '}
                  <span class={`warn-state warn-state--${alert.state}`}>{t(stateKey(alert.state))}</span>
                  {' · '}
                  {t('warn.alert.period', { period: alert.period })}
                  {' · '}
                  {alert.owner ? (
                    <>
                      {t('warn.alert.owner')}: <bdi>{alert.owner}</bdi>
                    </>
                  ) : (
                    t('warn.table.noOwner')
                  )}
                  {' · '}
                  <time dateTime={alert.opened_at}>{formats.time(alert.opened_at)}</time>
                </p>
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}

const VIEWER_ROLES: ReadonlySet<string> = new Set(['viewer']);

export function AlertScreen({ id, user }: { id: string; user: User }) {
  const { t } = useWarnI18n();
  const formats = useFormats();
  const [loaded, reload] = useLoad(() => loadAlert(id), [id]);
  const [override, setOverride] = useState<AlertDetail | null>(null);
  const [busy, setBusy] = useState<AlertAction | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; key: AnyKey } | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const wantFocus = useRef(false);

  useLayoutEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    messageRef.current?.focus();
  });

  if (loaded.kind === 'loading') return <Loading />;
  if (loaded.kind === 'failed') {
    return (
      <>
        <Failed error={loaded.error} onRetry={reload} />
        <p>
          <a href="#/warn/alerts">{t('warn.alert.back')}</a>
        </p>
      </>
    );
  }
  const alert = override ?? loaded.value;
  const closed = alert.state === 'closed';
  const canAct = !VIEWER_ROLES.has(user.role);

  const act = async (action: AlertAction, text?: string): Promise<boolean> => {
    if (busy) return false;
    setBusy(action);
    setMessage(null);
    try {
      setOverride(await actOnAlert(alert.id, action, text));
      setMessage({ ok: true, key: `warn.done.${action}` });
      return true;
    } catch (failure) {
      const key = failureKey(failure);
      setMessage({ ok: false, key: key === 'warn.error.forbidden' ? 'warn.alert.forbidden' : key });
      return false;
    } finally {
      setBusy(null);
      wantFocus.current = true;
    }
  };

  return (
    <>
      <p>
        <a href="#/warn/alerts">{t('warn.alert.back')}</a>
      </p>
      <div
        ref={messageRef}
        tabIndex={-1}
        role={message && !message.ok ? 'alert' : 'status'}
        class={message ? (message.ok ? 'notice' : 'alert') : 'status'}
        id="warn-alert-message"
      >
        {message ? t(message.key) : ''}
      </div>
      <section class="part warn-alert" aria-labelledby="warn-alert-facts" data-state={alert.state}>
        <h2 id="warn-alert-facts">
          <bdi>{alert.area_name}</bdi> <span class="area-id">{alert.area}</span>
        </h2>
        <dl class="facts">
          <div>
            <dt>{t('warn.table.level')}</dt>
            <dd>
              <LevelBadge level={alert.level} />
            </dd>
          </div>
          <div>
            <dt>{t('warn.alert.state')}</dt>
            <dd id="warn-alert-state">{t(stateKey(alert.state))}</dd>
          </div>
          <div>
            <dt>{t('warn.alert.owner')}</dt>
            <dd>{alert.owner ? <bdi>{alert.owner}</bdi> : t('warn.table.noOwner')}</dd>
          </div>
          <div>
            <dt>{t('warn.alert.periodLabel')}</dt>
            <dd>{alert.period}</dd>
          </div>
          <div>
            <dt>{t('warn.alert.opened')}</dt>
            <dd>
              <time dateTime={alert.opened_at}>{formats.time(alert.opened_at)}</time>
            </dd>
          </div>
        </dl>
        <h3>{t('warn.alert.reasons')}</h3>
        <ul class="reasons" lang="en" dir="ltr">
          {alert.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
        {alert.indicators.length > 0 && (
          <ul class="plain-list">
            {alert.indicators.map((indicator) => (
              <li key={indicator}>
                <a href={`#/warn/series/${encodeURIComponent(alert.area)}/${encodeURIComponent(indicator)}`}>
                  {t('warn.table.seriesLink', { indicator })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      {canAct && !closed && (
        <section class="warn-steps" aria-labelledby="warn-steps-heading">
          <h2 id="warn-steps-heading">{t('warn.alert.steps')}</h2>
          <p class="hint">{t('warn.alert.stepsHint')}</p>
          {alert.state === 'new' && (
            <div class="actions">
              <button
                type="button"
                class="button"
                id="warn-acknowledge"
                aria-busy={busy === 'acknowledge' ? 'true' : undefined}
                onClick={() => void act('acknowledge')}
              >
                {t('warn.alert.acknowledge')}
              </button>
            </div>
          )}
          {alert.state !== 'new' && (
            <TextStep
              id="warn-action"
              label={t('warn.alert.actionLabel')}
              button={t('warn.alert.recordAction')}
              busy={busy === 'actions'}
              onSubmit={(text) => act('actions', text)}
            />
          )}
          {alert.state !== 'new' && (
            <TextStep
              id="warn-close"
              label={t('warn.alert.closeLabel')}
              button={t('warn.alert.close')}
              busy={busy === 'close'}
              onSubmit={(text) => act('close', text)}
            />
          )}
        </section>
      )}

      <section class="warn-log" aria-labelledby="warn-log-heading">
        <h2 id="warn-log-heading">{t('warn.alert.log')}</h2>
        {alert.events.length === 0 ? (
          <p>{t('warn.alert.logEmpty')}</p>
        ) : (
          <ol class="warn-events" id="warn-events">
            {alert.events.map((event, index) => {
              const key = eventKey(event.kind);
              return (
                <li key={index} data-kind={event.kind}>
                  <p class="warn-event__head">
                    <strong>{key ? t(key) : event.kind}</strong>
                    {' · '}
                    <bdi>{event.actor}</bdi>
                    {' · '}
                    <time dateTime={event.at}>{formats.time(event.at)}</time>
                  </p>
                  {event.text && (
                    <p class="warn-event__text" dir="auto">
                      {event.text}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        {canAct && (
          <TextStep
            id="warn-note"
            label={t('warn.alert.noteLabel')}
            button={t('warn.alert.addNote')}
            busy={busy === 'notes'}
            onSubmit={(text) => act('notes', text)}
          />
        )}
      </section>
    </>
  );
}

interface TextStepProps {
  id: string;
  label: string;
  button: string;
  busy: boolean;
  /** Resolves true when the server took it (the field is then emptied). */
  onSubmit: (text: string) => Promise<boolean>;
}

function TextStep({ id, label, button, busy, onSubmit }: TextStepProps) {
  const { t } = useWarnI18n();
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  return (
    <form
      class="form warn-step"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const value = text.trim();
        if (!value) {
          setEmpty(true);
          return;
        }
        setEmpty(false);
        if (await onSubmit(value)) setText('');
      }}
    >
      <div class="field">
        <label for={`${id}-text`}>{label}</label>
        <textarea
          id={`${id}-text`}
          rows={3}
          value={text}
          aria-invalid={empty ? 'true' : undefined}
          aria-describedby={empty ? `${id}-error` : undefined}
          onInput={(event) => setText((event.currentTarget as HTMLTextAreaElement).value)}
        />
        {empty && (
          <p id={`${id}-error`} class="field-error">
            {t('warn.alert.textRequired')}
          </p>
        )}
      </div>
      <button type="submit" class="button" id={`${id}-submit`} aria-busy={busy ? 'true' : undefined}>
        {button}
      </button>
    </form>
  );
}
