-- Satisfaction surveys: one row per question answered, the latest answer kept.
CREATE TABLE survey_answers (
  survey_id text NOT NULL,
  question text NOT NULL CHECK (question IN ('bot', 'staff', 'remedy', 'trip', 'guide', 'comment')),
  conversation_key text NOT NULL,
  case_id text,
  score integer CHECK (score BETWEEN 1 AND 5),
  comment text,
  at timestamptz NOT NULL,
  PRIMARY KEY (survey_id, question)
);
CREATE INDEX survey_answers_case ON survey_answers (case_id) WHERE case_id IS NOT NULL;
-- Reports read answers by time.
CREATE INDEX survey_answers_at ON survey_answers (at);

-- Suggestions and praise left without a complaint; the id makes a redone turn record once.
CREATE TABLE feedback_entries (
  id text PRIMARY KEY,
  conversation_key text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('suggestion', 'praise')),
  text text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX feedback_entries_conversation ON feedback_entries (conversation_key, at);
CREATE INDEX feedback_entries_at ON feedback_entries (at);
