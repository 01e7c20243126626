-- Atomic: of two redeems at once, exactly one updates the row.
UPDATE join_links SET used_at = @At
WHERE id = @Id AND one_time AND used_at IS NULL AND revoked_at IS NULL AND expires_at > @At;
