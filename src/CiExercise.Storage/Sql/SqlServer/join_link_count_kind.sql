SELECT COUNT(*) FROM dbo.join_links WHERE kind = @Kind;
