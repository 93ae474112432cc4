-- Matches of crimes against tag trails: derived data, recomputed by the correlator when crimes,
-- fixes or assignments change. One row per (crime, offender); late data updates the row's
-- evidence in place, and a match that late data removes is deleted.
CREATE TABLE matches (
    crime_ref        text             NOT NULL,
    offender_id      text             NOT NULL,
    tag_id           text             NOT NULL,
    kind             text             NOT NULL CHECK (kind IN ('PRESENT', 'GAP')),
    closest_m        double precision NOT NULL CHECK (closest_m >= 0),
    closest_at       timestamptz      NOT NULL,
    minutes_within   double precision NOT NULL CHECK (minutes_within >= 0),
    fixes_within     integer          NOT NULL CHECK (fixes_within >= 0),
    gap_minutes      double precision NOT NULL CHECK (gap_minutes >= 0),
    radius_m         double precision NOT NULL CHECK (radius_m > 0),
    window_from      timestamptz      NOT NULL,
    window_to        timestamptz      NOT NULL,
    first_matched_at timestamptz      NOT NULL DEFAULT now(),
    updated_at       timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (crime_ref, offender_id)
);

CREATE INDEX matches_by_offender ON matches (offender_id, crime_ref);
