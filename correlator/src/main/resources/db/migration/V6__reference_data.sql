-- IDIOM reference tables uploaded by an admin (cost scheme, offence map, GDP deflators), kept so a
-- restart prices reports as before. The newest row of each kind is in force; older rows are the
-- history of what reports were priced with.
CREATE TABLE reference_uploads (
    upload_id  bigserial   PRIMARY KEY,
    kind       text        NOT NULL CHECK (kind IN ('costs', 'offence-map', 'deflators')),
    scheme     text,
    csv        text        NOT NULL,
    loaded_at  timestamptz NOT NULL,
    loaded_by  text        NOT NULL
);
CREATE INDEX reference_uploads_latest ON reference_uploads (kind, upload_id DESC);
