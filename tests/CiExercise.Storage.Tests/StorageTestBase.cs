using CiExercise.Contracts.Events;
using CiExercise.Contracts.Ports;

namespace CiExercise.Storage.Tests;

/// <summary>
/// Dapper's pattern: one abstract test body, one concrete class per provider. A provider that cannot run
/// here (no SQL Server configured) reports each test skipped with the reason.
/// </summary>
public abstract class StorageTestBase<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    protected TDatabase Database
    {
        get
        {
            if (database.SkipReason is { } reason)
            {
                Assert.Skip(reason);
            }

            return database;
        }
    }

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    protected static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    protected static NewEvent Event(EventKind kind, string? org = null, string? dedupeKey = null, string payload = "{}") =>
        new(kind, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), org, Actor.System, null, null, payload, dedupeKey);

    protected static ExerciseRecord Record(string id, DateTimeOffset? createdAt = null) =>
        new(id, $"演習 {id}", "scenario-1", """{"id":"scenario-1"}""", createdAt ?? DateTimeOffset.UtcNow);

    protected async Task<string> CreateExerciseAsync(DateTimeOffset? createdAt = null)
    {
        var id = NewId("ex");
        await Database.CreateCatalog().CreateAsync(Record(id, createdAt), Event(EventKind.ExerciseCreated), Cancellation);
        return id;
    }

    protected async Task<IReadOnlyList<ExerciseEvent>> ReadAllAsync(IEventLog log, string exerciseId) =>
        await log.ReadAsync(exerciseId, 0, int.MaxValue, Cancellation);

    protected static void AssertGapFree(IReadOnlyList<ExerciseEvent> events, int expectedCount)
    {
        Assert.Equal(expectedCount, events.Count);
        Assert.Equal(Enumerable.Range(1, expectedCount).Select(i => (long)i), events.Select(e => e.Seq));
    }
}
