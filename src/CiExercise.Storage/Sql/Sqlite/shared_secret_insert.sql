-- The first candidate under a name stays; a later one inserts nothing.
INSERT INTO shared_secret (name, value, created_at) VALUES (@Name, @Value, @CreatedAt)
ON CONFLICT (name) DO NOTHING;
