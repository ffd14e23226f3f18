-- Failed sign-ins are counted per account and address in the rate limits now (a stranger cannot lock a
-- colleague out), so the per-account lockout columns are no longer read or written.
ALTER TABLE staff_accounts DROP COLUMN failed_logins;
ALTER TABLE staff_accounts DROP COLUMN first_failed_at;
ALTER TABLE staff_accounts DROP COLUMN locked_until;
