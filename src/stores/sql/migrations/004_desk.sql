-- The staff desk: one ticket per case, reopened in place when the case escalates again.
CREATE TABLE desk_tickets (
  case_id text PRIMARY KEY,
  conversation_key text NOT NULL,
  channel text NOT NULL,
  team text NOT NULL,
  level text NOT NULL CHECK (level IN ('agent', 'supervisor', 'executive')),
  reason text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  category text NOT NULL,
  flags jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('waiting', 'claimed', 'closed', 'handed_back')),
  owner_id text,
  opened_at timestamptz NOT NULL,
  respond_by timestamptz,
  resolve_by timestamptz,
  alerted_at timestamptz,
  shared_with jsonb NOT NULL DEFAULT '[]',
  updated_at timestamptz NOT NULL
);
-- The queue is read by status, most often for one team or one owner.
CREATE INDEX desk_tickets_status_team ON desk_tickets (status, team);
CREATE INDEX desk_tickets_owner ON desk_tickets (owner_id) WHERE owner_id IS NOT NULL;

-- Staff notes belong to the case, not to one opening of its ticket: they outlive a reopen.
CREATE TABLE desk_notes (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id text NOT NULL,
  author_id text NOT NULL,
  text text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX desk_notes_case ON desk_notes (case_id, at, seq);
