-- The first revocation time stays: revoking twice changes nothing.
UPDATE join_links SET revoked_at = @At WHERE id = @Id AND revoked_at IS NULL;
