-- Alerts raised by the correlator (crime matches) and the licence-condition detector, with
-- their review workflow and the ordered event log that live streams replay (Last-Event-ID).
CREATE TABLE alerts (
    alert_id     bigserial   PRIMARY KEY,
    alert_key    text        NOT NULL UNIQUE,
    kind         text        NOT NULL CHECK (kind IN ('CRIME_PROXIMITY', 'CRIME_GAP', 'ZONE_EXCLUSION',
                                                      'CURFEW_BREACH', 'CURFEW_NO_DATA', 'TAG_SILENT')),
    offender_id  text        NOT NULL,
    crime_ref    text,
    zone_id      text,
    status       text        NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'ACKNOWLEDGED',
                                                      'POSITIVE_LINE_OF_ENQUIRY', 'ELIMINATED', 'NO_FURTHER_ACTION')),
    occurred_at  timestamptz NOT NULL,
    evidence     jsonb       NOT NULL,
    raised_at    timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    withdrawn_at timestamptz
);
CREATE INDEX alerts_by_offender ON alerts (offender_id, raised_at DESC);
CREATE INDEX alerts_by_crime ON alerts (crime_ref) WHERE crime_ref IS NOT NULL;
CREATE INDEX alerts_by_raised ON alerts (raised_at DESC, alert_id);

CREATE TABLE alert_transitions (
    alert_id    bigint      NOT NULL REFERENCES alerts (alert_id),
    from_status text        NOT NULL,
    to_status   text        NOT NULL,
    actor       text        NOT NULL,
    reason      text        NOT NULL,
    at          timestamptz NOT NULL
);
CREATE INDEX alert_transitions_by_alert ON alert_transitions (alert_id, at);

-- Writers take pg_advisory_xact_lock(7001) so event ids commit in id order: a reader that has
-- seen event N has seen every event below N.
CREATE TABLE alert_events (
    event_id   bigserial   PRIMARY KEY,
    alert_id   bigint      NOT NULL REFERENCES alerts (alert_id),
    event_type text        NOT NULL CHECK (event_type IN ('CREATED', 'UPDATED', 'WITHDRAWN', 'TRANSITION')),
    at         timestamptz NOT NULL,
    snapshot   jsonb       NOT NULL
);
