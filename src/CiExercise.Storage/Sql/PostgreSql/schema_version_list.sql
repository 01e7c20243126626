SELECT version FROM schema_version ORDER BY version;
