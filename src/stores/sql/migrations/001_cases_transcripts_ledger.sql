-- Cases: the short quotable number is the key; a retried turn finds its case by idempotency key.
CREATE TABLE cases (
  id text PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  conversation_key text NOT NULL,
  channel text NOT NULL,
  category text NOT NULL,
  also jsonb NOT NULL,
  problems jsonb NOT NULL,
  severity text NOT NULL,
  flags jsonb NOT NULL,
  status text NOT NULL,
  steps jsonb NOT NULL,
  facts jsonb NOT NULL,
  outcome jsonb,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX cases_conversation_key ON cases (conversation_key);
-- The staff console lists cases by status, newest activity first.
CREATE INDEX cases_status_updated ON cases (status, updated_at DESC);

-- Every word said, in the order written; an entry id written again is ignored (a redone turn).
CREATE TABLE transcript_entries (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id text NOT NULL UNIQUE,
  conversation_key text NOT NULL,
  sender text NOT NULL CHECK (sender IN ('traveller', 'bot', 'staff')),
  text text NOT NULL,
  step text,
  at timestamptz NOT NULL
);
CREATE INDEX transcript_entries_conversation ON transcript_entries (conversation_key, seq);

-- The promise ledger: one hash chain, seq dense from 1. Appends lock the table (see SqlPromiseLedger).
CREATE TABLE ledger_entries (
  seq bigint PRIMARY KEY CHECK (seq > 0),
  case_id text NOT NULL,
  kind text NOT NULL,
  payload jsonb NOT NULL,
  policy_version text NOT NULL,
  at timestamptz NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX ledger_entries_case ON ledger_entries (case_id, seq);
