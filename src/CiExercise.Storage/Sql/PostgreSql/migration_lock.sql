-- Several nodes may start at once; only one applies migrations, the others wait and then find them done.
-- A transaction-level advisory lock: released by the commit or rollback of the migration's transaction.
-- lock_timeout stays under Npgsql's default 30 s command timeout, so a node that waits too long fails
-- with the database's own "lock timeout" error.
SET LOCAL lock_timeout = '25s';
SELECT pg_advisory_xact_lock(hashtextextended('ciexercise_migrations', 0));
