SELECT value FROM shared_secret WHERE name = @Name;
