SELECT version FROM dbo.schema_version ORDER BY version;
