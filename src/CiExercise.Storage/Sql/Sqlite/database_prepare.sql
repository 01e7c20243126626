-- Persistent in the file; must run outside a transaction. WAL lets readers run beside the writer.
PRAGMA journal_mode = WAL;
