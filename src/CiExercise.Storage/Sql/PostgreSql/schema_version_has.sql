SELECT COUNT(*) FROM schema_version WHERE version = @Version;
