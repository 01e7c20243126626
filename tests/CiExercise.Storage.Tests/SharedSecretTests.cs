using CiExercise.Storage.Secrets;

namespace CiExercise.Storage.Tests;

/// <summary>The cluster's shared secrets: the first value stored under a name is the one every caller gets.</summary>
public abstract class SharedSecretTests<TDatabase>(TDatabase database) : StorageTestBase<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task The_first_candidate_stays_and_later_ones_are_ignored()
    {
        var name = NewId("signing");

        var first = await Database.CreateSharedSecrets().GetOrAddAsync(name, "first-鍵", Cancellation);
        var second = await Database.CreateSharedSecrets().GetOrAddAsync(name, "second", Cancellation);

        Assert.Equal("first-鍵", first);
        Assert.Equal("first-鍵", second);
        Assert.Equal("other", await Database.CreateSharedSecrets().GetOrAddAsync(NewId("other"), "other", Cancellation));
    }

    [Fact]
    public async Task Nodes_racing_with_their_own_candidates_all_get_one_of_them()
    {
        var name = NewId("signing");
        var candidates = Enumerable.Range(0, 12).Select(i => $"candidate-{i}").ToList();

        var answers = await Task.WhenAll(candidates.Select(candidate => Task.Run(() =>
            Database.CreateSharedSecrets().GetOrAddAsync(name, candidate, Cancellation))));

        Assert.Single(answers.Distinct());
        Assert.Contains(answers[0], candidates);
    }

    [Fact]
    public async Task Empty_or_oversized_names_and_values_are_refused_and_store_nothing()
    {
        var store = Database.CreateSharedSecrets();
        var name = NewId("signing");

        await Assert.ThrowsAsync<ArgumentException>(() => store.GetOrAddAsync(new string('n', ISharedSecretStore.MaxNameLength + 1), "v", Cancellation));
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetOrAddAsync(name, new string('v', ISharedSecretStore.MaxValueLength + 1), Cancellation));
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetOrAddAsync(name, "", Cancellation));

        Assert.Equal("kept", await store.GetOrAddAsync(name, "kept", Cancellation));
        var longest = new string('v', ISharedSecretStore.MaxValueLength);
        Assert.Equal(longest, await store.GetOrAddAsync(NewId("long"), longest, Cancellation));
    }
}

public sealed class SqliteSharedSecretTests(SqliteTestDatabase database) : SharedSecretTests<SqliteTestDatabase>(database);

public sealed class SqlServerSharedSecretTests(SqlServerTestDatabase database) : SharedSecretTests<SqlServerTestDatabase>(database);

public sealed class PostgreSqlSharedSecretTests(PostgreSqlTestDatabase database) : SharedSecretTests<PostgreSqlTestDatabase>(database);
