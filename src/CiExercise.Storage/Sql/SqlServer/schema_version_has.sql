SELECT COUNT(*) FROM dbo.schema_version WHERE version = @Version;
