-- The first candidate under a name stays; a later one inserts nothing. UPDLOCK + HOLDLOCK make the check and
-- the insert one step; two nodes racing past it anyway meet the primary key, which the caller takes as "present".
INSERT INTO dbo.shared_secret (name, value, created_at)
SELECT @Name, @Value, @CreatedAt
WHERE NOT EXISTS (SELECT 1 FROM dbo.shared_secret WITH (UPDLOCK, HOLDLOCK) WHERE name = @Name);
