-- Fixes kept as evidence when their month is purged for retention: the trail inside the window of
-- an alert. Same columns as fixes; not partitioned (small); read together with fixes by
-- PostgresStore.fixes().
CREATE TABLE evidence_fixes (
  tag_id      text COLLATE "C" NOT NULL,
  recorded_at timestamptz      NOT NULL,
  lat         double precision NOT NULL,
  lon         double precision NOT NULL,
  easting     double precision NOT NULL,
  northing    double precision NOT NULL,
  accuracy_m  double precision,
  speed_kmh   double precision,
  battery_pct smallint,
  event       text,
  PRIMARY KEY (tag_id, recorded_at)
);
