-- CiExercise cluster membership, version 9 (SQLite): nothing. Orleans' membership tables live on the databases a
-- cluster shares (PostgreSQL, SQL Server: infra/*/0009_orleans_clustering.sql); SQLite is one node's file and the
-- server refuses Cluster:Enabled on it. The version is recorded all the same, so every provider's schema_version
-- lists the same versions.
SELECT 1;
