-- Staff accounts: one username per person, whatever its case.
CREATE TABLE staff_accounts (
  id text PRIMARY KEY,
  username text NOT NULL,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('agent', 'supervisor', 'executive', 'admin', 'partner')),
  password_hash text NOT NULL,
  failed_logins integer NOT NULL DEFAULT 0,
  first_failed_at timestamptz,
  locked_until timestamptz,
  teams jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX staff_accounts_username ON staff_accounts (lower(username));

-- Sessions by the SHA-256 of their token: a copy of this table signs no one in.
CREATE TABLE staff_sessions (
  token_hash text PRIMARY KEY,
  staff_id text NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX staff_sessions_expires ON staff_sessions (expires_at);

-- Who did what, when. Append-only: the trigger refuses to change or remove an entry.
CREATE TABLE audit_log (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  actor text NOT NULL,
  action text NOT NULL,
  target text,
  details jsonb NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor, seq DESC);
CREATE INDEX audit_log_target ON audit_log (target, seq DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
