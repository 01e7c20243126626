-- The first candidate under a name stays; a later or racing one inserts nothing (the primary key decides).
INSERT INTO shared_secret (name, value, created_at) VALUES (@Name, @Value, @CreatedAt)
ON CONFLICT (name) DO NOTHING;
