-- Run on the server's maintenance database when the configured one does not exist, so that a fresh server
-- needs nothing but a role with CREATEDB. {0} is the database name, quoted as an identifier by the caller
-- (CREATE DATABASE takes no parameters and cannot run in a transaction).
CREATE DATABASE {0};
