-- Access control and the audit log (docs/access.md).

-- Users are never deleted: the audit log names them. Names sort as Java strings do (COLLATE "C").
CREATE TABLE access_users (
  name       text COLLATE "C" PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9._@-]{1,100}$'),
  role       text NOT NULL CHECK (role IN ('IOM_MANAGER', 'INVESTIGATOR', 'PARTNER', 'ADMIN')),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Only the SHA-256 of a token is stored (TokenHash.java explains why that is enough for
-- 128+ random bits). Tokens are revoked, never deleted.
CREATE TABLE access_tokens (
  id           text COLLATE "C" PRIMARY KEY,
  token_sha256 text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  user_name    text COLLATE "C" NOT NULL REFERENCES access_users (name),
  created_at   timestamptz NOT NULL,
  revoked_at   timestamptz CHECK (revoked_at >= created_at)
);
CREATE INDEX access_tokens_user ON access_tokens (user_name, created_at);

-- Every read of location data, matches or alert evidence. Append-only: see the trigger below.
-- user_name is not a foreign key on purpose: the log must stand on its own.
CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL,
  user_name   text NOT NULL,
  role        text NOT NULL,
  endpoint    text NOT NULL,
  offender_id text,
  crime_ref   text,
  purpose     text,
  row_count   bigint NOT NULL CHECK (row_count >= 0)
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_user ON audit_log (user_name, id);
CREATE INDEX audit_log_offender ON audit_log (offender_id, id) WHERE offender_id IS NOT NULL;
CREATE INDEX audit_log_crime ON audit_log (crime_ref, id) WHERE crime_ref IS NOT NULL;

-- The service's role owns this table (Flyway runs as it), and an owner is not bound by GRANTs,
-- so REVOKE alone would not stop it. These triggers bind every role, the owner included; only
-- someone who can ALTER the table (drop or disable the trigger) gets round them, which is a
-- schema change, visible and outside anything the service's code does.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- For deployments that run the service as a role other than the owner: it may read and append.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
