-- The system of record for the IOM correlation service. PostgreSQL 15 or newer
-- (UNIQUE NULLS NOT DISTINCT). Times are timestamptz (UTC instants, microsecond precision);
-- coordinates are WGS84 degrees as received plus British National Grid (EPSG:27700) metres.
-- Identifiers use COLLATE "C" so ORDER BY matches Java's String order (and compares faster).
-- No foreign keys between kinds: files arrive in any order from different systems.

CREATE TABLE tags (
  tag_id    text COLLATE "C" PRIMARY KEY,
  cadence_s integer NOT NULL DEFAULT 60 CHECK (cadence_s > 0)
);

-- Partitioned by UTC calendar month: fixes_yYYYYmMM holds [YYYY-MM-01 00:00Z, next month).
-- Partitions are created by the application for the months a batch touches (no default
-- partition: it would block creating a month later). The primary key serves "one tag's
-- fixes in a time slice" as an index range scan in each pruned partition.
CREATE TABLE fixes (
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
) PARTITION BY RANGE (recorded_at);

-- A tag fitted to an offender over [fitted_at, removed_at); removed_at NULL = still fitted.
CREATE TABLE assignments (
  tag_id      text COLLATE "C" NOT NULL REFERENCES tags (tag_id),
  fitted_at   timestamptz      NOT NULL,
  offender_id text COLLATE "C" NOT NULL,
  removed_at  timestamptz,
  PRIMARY KEY (tag_id, fitted_at),
  CHECK (removed_at IS NULL OR removed_at >= fitted_at)
);
CREATE INDEX assignments_by_offender ON assignments (offender_id);

-- Safety net behind the application's check (which runs under a lock on the tag rows and
-- reports each refused row): assignments of one tag never overlap, whoever writes them.
CREATE FUNCTION assignments_refuse_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  clash timestamptz;
BEGIN
  SELECT a.fitted_at INTO clash
    FROM assignments a
   WHERE a.tag_id = NEW.tag_id
     AND a.fitted_at <> NEW.fitted_at
     AND tstzrange(a.fitted_at, a.removed_at) && tstzrange(NEW.fitted_at, NEW.removed_at)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'assignment of tag % fitted_at % overlaps the one fitted_at %',
      NEW.tag_id, NEW.fitted_at, clash
      USING ERRCODE = 'exclusion_violation';
  END IF;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER assignments_no_overlap
  AFTER INSERT OR UPDATE ON assignments
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION assignments_refuse_overlap();

CREATE TABLE offenders (
  offender_id  text COLLATE "C" PRIMARY KEY,
  display_name text,
  manager_id   text COLLATE "C",
  cohort       text CHECK (cohort IN ('FIXED', 'FLEX', 'FREE'))
);
CREATE INDEX offenders_by_manager ON offenders (manager_id);

-- committed_to is inclusive and equals committed_from when the time is known exactly.
CREATE TABLE crimes (
  crime_ref      text COLLATE "C" PRIMARY KEY,
  offence_code   text             NOT NULL,
  committed_from timestamptz      NOT NULL,
  committed_to   timestamptz      NOT NULL,
  lat            double precision NOT NULL,
  lon            double precision NOT NULL,
  easting        double precision NOT NULL,
  northing       double precision NOT NULL,
  offence_type   text,
  radius_m       double precision CHECK (radius_m > 0),
  CHECK (committed_to >= committed_from)
);
CREATE INDEX crimes_by_committed ON crimes (committed_from, committed_to);

CREATE TABLE cohort_memberships (
  offender_id text COLLATE "C" NOT NULL,
  cohort      text NOT NULL CHECK (cohort IN ('FIXED', 'FLEX', 'FREE')),
  joined_on   date NOT NULL,
  left_on     date,
  PRIMARY KEY (offender_id, cohort, joined_on),
  CHECK (left_on IS NULL OR left_on >= joined_on)
);

-- Identical rows are duplicates: the whole row is the key (NULLs compare equal).
CREATE TABLE proven_offences (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  offender_id     text COLLATE "C" NOT NULL,
  offence_date    date NOT NULL,
  offence_code    text COLLATE "C" NOT NULL,
  conviction_date date,
  crime_ref       text COLLATE "C",
  CONSTRAINT proven_offences_identical
    UNIQUE NULLS NOT DISTINCT (offender_id, offence_date, offence_code, conviction_date, crime_ref),
  CHECK (conviction_date IS NULL OR conviction_date >= offence_date)
);

-- area_wkb: the polygon or multipolygon in British National Grid metres (EPSG:27700) as
-- ISO WKB, exact to the bit; geojson: the geometry as received (WGS84), for display.
-- schedule: 'always' or 'HH:mm-HH:mm' local Europe/London time.
CREATE TABLE zones (
  zone_id     text COLLATE "C" PRIMARY KEY,
  offender_id text COLLATE "C" NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('EXCLUSION', 'INCLUSION')),
  schedule    text NOT NULL,
  area_wkb    bytea NOT NULL,
  area_srid   integer NOT NULL DEFAULT 27700,
  geojson     text,
  grace_s     integer NOT NULL CHECK (grace_s >= 0),
  tolerance_m double precision NOT NULL CHECK (tolerance_m >= 0)
);
CREATE INDEX zones_by_offender ON zones (offender_id);

-- Rows refused by a reader, kept so an operator can see and fix them.
CREATE TABLE rejections (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind        text   NOT NULL,
  source      text   NOT NULL,
  line        bigint NOT NULL,
  reason      text   NOT NULL,
  raw         text   NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE INDEX rejections_newest_first ON rejections (kind, received_at DESC, id DESC);
