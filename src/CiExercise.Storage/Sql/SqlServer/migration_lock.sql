-- Several nodes may start at once; only one applies migrations, the others wait and then find them done.
DECLARE @result int;
EXEC @result = sp_getapplock @Resource = N'ciexercise_migrations', @LockMode = N'Exclusive',
    @LockOwner = N'Transaction', @LockTimeout = 60000;
IF @result < 0
    THROW 50001, N'Timed out waiting for the CiExercise migration lock.', 1;
