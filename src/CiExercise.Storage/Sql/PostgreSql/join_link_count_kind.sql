SELECT COUNT(*) FROM join_links WHERE kind = @Kind;
