-- Early-warning series: one row per area × indicator × period kind, and one observation per
-- canonical period label ("2024-03-05", "2024-W09", "2024-03"; each kind sorts as text). Every
-- observation carries its source.
CREATE TABLE warn_series (
  id          INTEGER PRIMARY KEY,
  area        TEXT NOT NULL,
  indicator   TEXT NOT NULL,
  period_kind TEXT NOT NULL CHECK (period_kind IN ('day', 'week', 'month')),
  UNIQUE (area, indicator, period_kind)
);
CREATE TABLE warn_observations (
  series_id INTEGER NOT NULL REFERENCES warn_series(id) ON DELETE CASCADE,
  period    TEXT NOT NULL,
  value     REAL NOT NULL CHECK (value >= 0),
  source    TEXT NOT NULL,
  PRIMARY KEY (series_id, period)
) WITHOUT ROWID;
