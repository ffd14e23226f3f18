-- A turn redone after a crash appends the same records again: their keys let the ledger keep one of each.
ALTER TABLE ledger_entries ADD COLUMN idempotency_key text UNIQUE;
