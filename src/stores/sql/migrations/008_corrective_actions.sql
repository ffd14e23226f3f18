-- Reports read cases by when they were opened.
CREATE INDEX cases_created ON cases (created_at);

-- Corrective actions (整改): an improvement a supervisor opened against a weak link, tracked to done.
CREATE TABLE corrective_actions (
  id text PRIMARY KEY,
  target_kind text NOT NULL CHECK (target_kind IN ('category', 'tour', 'guide', 'party')),
  target_value text NOT NULL,
  title text NOT NULL,
  owner_id text NOT NULL,
  due_date date NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'done')),
  opened_by text NOT NULL,
  opened_at timestamptz NOT NULL,
  done_at timestamptz
);
CREATE INDEX corrective_actions_opened ON corrective_actions (opened_at DESC);
