using CiExercise.Storage.JoinLinks;
using Microsoft.Data.Sqlite;

namespace CiExercise.Storage.Tests;

public abstract class JoinLinkTests<TDatabase>(TDatabase database) : StorageTestBase<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1234567);

    [Fact]
    public async Task Added_links_read_back_exactly_and_list_by_exercise_oldest_first()
    {
        var store = Database.CreateJoinLinks();
        var exercise = NewId("ex");
        var later = Link(exercise, "participant", Now.AddMinutes(1)) with { OrganizationId = "bank", Role = "staff", Name = "佐藤" };
        var first = Link(exercise, "evaluator", Now);
        var elsewhere = Link(NewId("ex"), "observer", Now);

        await store.AddAsync([later, first, elsewhere], Cancellation);

        Assert.Equal(later, await store.GetAsync(later.Id, Cancellation));
        Assert.Equal([first, later], await store.ListAsync(exercise, Cancellation));
        Assert.Null(await store.GetAsync(NewId("absent"), Cancellation));
    }

    [Fact]
    public async Task A_batch_with_a_duplicate_id_stores_none_of_its_links()
    {
        var store = Database.CreateJoinLinks();
        var exercise = NewId("ex");
        var existing = Link(exercise, "observer", Now);
        await store.AddAsync([existing], Cancellation);
        var fresh = Link(exercise, "evaluator", Now);

        await Assert.ThrowsAnyAsync<Exception>(() => store.AddAsync([fresh, existing with { Name = "again" }], Cancellation));

        Assert.Null(await store.GetAsync(fresh.Id, Cancellation));
        Assert.Equal([existing], await store.ListAsync(exercise, Cancellation));
    }

    [Fact]
    public async Task Links_under_a_request_key_are_stored_once_and_found_in_the_order_asked()
    {
        var store = Database.CreateJoinLinks();
        var exercise = NewId("ex");
        var key = new IssueKey(NewId("key"), "fingerprint-1");
        var asked = new[] { Link(exercise, "observer", Now.AddMinutes(1)), Link(exercise, "evaluator", Now) };

        Assert.True(await store.AddAsync(asked, key, Cancellation));
        Assert.False(await store.AddAsync([Link(exercise, "observer", Now)], key, Cancellation));

        var found = await store.FindByKeyAsync(key.RequestKey, Cancellation);
        Assert.Equal("fingerprint-1", found!.Fingerprint);
        Assert.Equal(asked, found.Links);
        Assert.Equal(2, (await store.ListAsync(exercise, Cancellation)).Count);
        Assert.Null(await store.FindByKeyAsync(NewId("other"), Cancellation));
    }

    [Fact]
    public async Task A_roster_sized_batch_is_stored_whole_with_its_emails_in_order()
    {
        var store = Database.CreateJoinLinks();
        var exercise = NewId("ex");
        // More rows than one statement takes, so the batch spans several statements of one transaction.
        var links = Enumerable.Range(0, 1234).Select(i => Link(exercise, "participant", Now.AddTicks(i)) with
        {
            OrganizationId = $"org-{i % 17}", Role = "staff", Email = i % 5 == 0 ? null : $"person{i}@example.jp",
        }).ToList();

        await store.AddAsync(links, Cancellation);

        Assert.Equal(links, await store.ListAsync(exercise, Cancellation));
    }

    [Fact]
    public async Task A_batch_failing_in_a_later_statement_stores_none_of_its_links()
    {
        var store = Database.CreateJoinLinks();
        var exercise = NewId("ex");
        var existing = Link(exercise, "observer", Now);
        await store.AddAsync([existing], Cancellation);
        var fresh = Enumerable.Range(0, 900).Select(i => Link(exercise, "participant", Now.AddTicks(i + 1))).ToList();

        await Assert.ThrowsAnyAsync<Exception>(() => store.AddAsync([.. fresh, existing with { Name = "again" }], Cancellation));

        Assert.Equal([existing], await store.ListAsync(exercise, Cancellation));
    }

    [Fact]
    public async Task Revoking_keeps_the_first_time_and_an_unknown_link_is_null()
    {
        var store = Database.CreateJoinLinks();
        var link = Link(NewId("ex"), "participant", Now);
        await store.AddAsync([link], Cancellation);

        var revoked = await store.RevokeAsync(link.Id, Now.AddHours(1), Cancellation);
        var again = await store.RevokeAsync(link.Id, Now.AddHours(2), Cancellation);

        Assert.Equal(Now.AddHours(1), revoked!.RevokedAt);
        Assert.Equal(revoked, again);
        Assert.False(revoked.IsUsableAt(Now.AddMinutes(90)));
        Assert.Null(await store.RevokeAsync(NewId("absent"), Now, Cancellation));
    }

    [Fact]
    public async Task A_one_time_link_is_used_once_even_by_concurrent_redeems()
    {
        var store = Database.CreateJoinLinks();
        var link = Link(null, "controller", Now) with { OneTime = true };
        await store.AddAsync([link], Cancellation);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Database.CreateJoinLinks().TryUseAsync(link.Id, Now.AddMinutes(1), Cancellation))));

        Assert.Equal(1, attempts.Count(used => used));
        var stored = await store.GetAsync(link.Id, Cancellation);
        Assert.Equal(Now.AddMinutes(1), stored!.UsedAt);
        Assert.False(stored.IsUsableAt(Now.AddMinutes(2)));
    }

    [Fact]
    public async Task Reusable_expired_and_revoked_links_cannot_be_used_up()
    {
        var store = Database.CreateJoinLinks();
        var reusable = Link(NewId("ex"), "observer", Now);
        var expired = Link(null, "controller", Now) with { OneTime = true, ExpiresAt = Now.AddMinutes(5) };
        var revoked = Link(null, "controller", Now) with { OneTime = true };
        await store.AddAsync([reusable, expired, revoked], Cancellation);
        await store.RevokeAsync(revoked.Id, Now, Cancellation);

        Assert.False(await store.TryUseAsync(reusable.Id, Now, Cancellation));
        Assert.False(await store.TryUseAsync(expired.Id, Now.AddMinutes(5), Cancellation));
        Assert.False(await store.TryUseAsync(revoked.Id, Now, Cancellation));
        Assert.True(reusable.IsUsableAt(Now));
    }

    [Fact]
    public async Task Any_of_kind_sees_a_link_of_that_kind_in_any_state()
    {
        var store = Database.CreateJoinLinks();
        var kind = NewId("kind")[..30];
        Assert.False(await store.AnyOfKindAsync(kind, Cancellation));

        var link = Link(null, kind, Now);
        await store.AddAsync([link], Cancellation);
        await store.RevokeAsync(link.Id, Now, Cancellation);

        Assert.True(await store.AnyOfKindAsync(kind, Cancellation));
    }

    [Fact]
    public async Task A_reopened_store_sees_links_and_their_changes()
    {
        var link = Link(null, "controller", Now) with { OneTime = true };
        await Database.CreateJoinLinks().AddAsync([link], Cancellation);
        await Database.CreateJoinLinks().TryUseAsync(link.Id, Now, Cancellation);

        SqliteConnection.ClearAllPools();

        Assert.Equal(link with { UsedAt = Now }, await Database.CreateJoinLinks().GetAsync(link.Id, Cancellation));
    }

    private static JoinLink Link(string? exerciseId, string kind, DateTimeOffset createdAt) =>
        new(NewId("jl"), exerciseId, kind, null, null, $"{kind} {Guid.NewGuid():N}", createdAt, createdAt.AddDays(7), null,
            "controller", false, null);
}

public sealed class SqliteJoinLinkTests(SqliteTestDatabase database) : JoinLinkTests<SqliteTestDatabase>(database);

public sealed class SqlServerJoinLinkTests(SqlServerTestDatabase database) : JoinLinkTests<SqlServerTestDatabase>(database);

public sealed class PostgreSqlJoinLinkTests(PostgreSqlTestDatabase database) : JoinLinkTests<PostgreSqlTestDatabase>(database);
