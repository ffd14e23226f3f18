-- Tour guides. The departures they lead: a JSON list of {tourCode, date}, each once, in date order.
CREATE TABLE guides (
  id text PRIMARY KEY,
  name text NOT NULL,
  phone text NOT NULL,
  departures jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL
);

-- One-time binding codes by their hash: a copy of this table binds no one.
CREATE TABLE guide_codes (
  code_hash text PRIMARY KEY,
  guide_id text NOT NULL REFERENCES guides (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX guide_codes_unused ON guide_codes (guide_id) WHERE used_at IS NULL;

-- Which guide a chat account belongs to; a redeemed code rebinds it.
CREATE TABLE guide_bindings (
  channel text NOT NULL,
  sender_id text NOT NULL,
  guide_id text NOT NULL REFERENCES guides (id) ON DELETE CASCADE,
  PRIMARY KEY (channel, sender_id)
);

-- Incidents: a guide's report is found again by its idempotency key (a redone turn),
-- a group incident by its group key (departure and category): one per key.
CREATE TABLE incidents (
  id text PRIMARY KEY,
  idempotency_key text UNIQUE,
  group_key text UNIQUE,
  kind text NOT NULL CHECK (kind IN ('report', 'group')),
  tour_code text,
  departure_date text,
  type text NOT NULL,
  category text,
  severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  location text,
  description text NOT NULL,
  attachments jsonb NOT NULL,
  reported_by text,
  created_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by text,
  pages integer NOT NULL DEFAULT 0
);
-- The console lists incidents newest first, often for one departure or those not yet acknowledged.
CREATE INDEX incidents_created ON incidents (created_at DESC);
CREATE INDEX incidents_departure ON incidents (tour_code, departure_date, created_at DESC);
CREATE INDEX incidents_unacknowledged ON incidents (created_at DESC) WHERE acknowledged_at IS NULL;

-- The travellers an incident affects, each conversation once, in the order added:
-- concurrent joins insert rows side by side instead of rewriting one list.
CREATE TABLE incident_affected (
  seq bigint GENERATED ALWAYS AS IDENTITY,
  incident_id text NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  conversation_key text NOT NULL,
  channel text NOT NULL,
  case_id text,
  PRIMARY KEY (incident_id, conversation_key)
);

-- Who travels on which departure, by the agency's reference; found by chat identity too.
CREATE TABLE roster_travellers (
  tour_code text NOT NULL,
  departure_date text NOT NULL,
  ref text NOT NULL,
  name text NOT NULL,
  locale text,
  channel text,
  conversation_id text,
  PRIMARY KEY (tour_code, departure_date, ref)
);
CREATE INDEX roster_travellers_chat ON roster_travellers (channel, conversation_id) WHERE conversation_id IS NOT NULL;

-- Complaints about one tour, whatever case and spacing the traveller wrote its code in.
CREATE INDEX cases_tour ON cases (upper(trim(facts->>'tour')), created_at);
