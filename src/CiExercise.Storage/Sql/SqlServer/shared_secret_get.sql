SELECT value FROM dbo.shared_secret WHERE name = @Name;
