-- Warn: each area's latest composite level, alerts with their response log, webhook deliveries
-- and the imported admin boundaries. Lists (reasons, indicators) are JSON arrays of strings.
CREATE TABLE warn_area_levels (
  area         TEXT PRIMARY KEY,
  level        TEXT NOT NULL CHECK (level IN ('none', 'watch', 'warning', 'alert')),
  reasons      TEXT NOT NULL,
  period       TEXT NOT NULL,
  evaluated_ms INTEGER NOT NULL
);

CREATE TABLE warn_alerts (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  area       TEXT NOT NULL,
  area_name  TEXT NOT NULL,
  level      TEXT NOT NULL CHECK (level IN ('warning', 'alert')),
  state      TEXT NOT NULL CHECK (state IN ('new', 'acknowledged', 'action_recorded', 'closed')),
  owner      TEXT,
  period     TEXT NOT NULL,
  indicators TEXT NOT NULL,
  reasons    TEXT NOT NULL,
  opened_ms  INTEGER NOT NULL,
  updated_ms INTEGER NOT NULL
);
-- At most one alert per area that is not closed: a second one is never raised.
CREATE UNIQUE INDEX warn_alerts_one_open ON warn_alerts(area) WHERE state <> 'closed';
CREATE INDEX warn_alerts_state ON warn_alerts(state, id);

-- The response log: append-only through Vigil's connection, like the audit log.
CREATE TABLE warn_alert_events (
  seq      INTEGER PRIMARY KEY AUTOINCREMENT,
  alert_id INTEGER NOT NULL REFERENCES warn_alerts(id),
  time_ms  INTEGER NOT NULL,
  actor    TEXT NOT NULL,
  kind     TEXT NOT NULL,
  text     TEXT NOT NULL
);
CREATE INDEX warn_alert_events_alert ON warn_alert_events(alert_id, seq);
CREATE TRIGGER warn_alert_events_no_update BEFORE UPDATE ON warn_alert_events
BEGIN SELECT RAISE(ABORT, 'warn_alert_events is append-only'); END;
CREATE TRIGGER warn_alert_events_no_delete BEFORE DELETE ON warn_alert_events
BEGIN SELECT RAISE(ABORT, 'warn_alert_events is append-only'); END;

CREATE TABLE warn_webhook_deliveries (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  alert_id    INTEGER NOT NULL REFERENCES warn_alerts(id),
  time_ms     INTEGER NOT NULL,
  outcome     TEXT NOT NULL CHECK (outcome IN ('delivered', 'failed')),
  attempts    INTEGER NOT NULL,
  http_status INTEGER,
  error       TEXT NOT NULL
);
CREATE INDEX warn_webhook_deliveries_alert ON warn_webhook_deliveries(alert_id, seq);

CREATE TABLE warn_boundaries (
  pcode    TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  geometry TEXT NOT NULL,
  source   TEXT NOT NULL
);
