using Dapper;

namespace CiExercise.Storage.Tests;

/// <summary>
/// The hot reads and lookups seek an index instead of reading the exercise: held through SQLite's own
/// query plan (no timing), since without statistics its planner can prefer the primary key.
/// </summary>
public sealed class SqliteQueryPlanTests(SqliteTestDatabase database) : StorageTestBase<SqliteTestDatabase>(database)
{
    [Fact]
    public async Task Visible_events_are_read_through_the_organization_index_in_both_branches()
    {
        var plan = await PlanAsync(Database.Options.CreateDialect().Sql.EventReadVisible,
            new { ExerciseId = "x", OrgId = "o", AfterSeq = 0L, Limit = 100 });

        Assert.Equal(2, plan.Count(line => line.Contains("SEARCH exercise_events USING INDEX ix_exercise_events_org (exercise_id=? AND org_id=? AND seq>?)")));
        Assert.DoesNotContain(plan, line => line.Contains("PRIMARY KEY") || line.Contains("SCAN exercise_events"));
    }

    [Fact]
    public async Task The_play_check_of_an_append_reads_only_exercise_level_rows_since_the_snapshot()
    {
        var plan = await PlanAsync(Database.Options.CreateDialect().Sql.EventPlayLatest, new { ExerciseId = "x", AfterSeq = 0L });

        Assert.Contains(plan, line => line.Contains("SEARCH exercise_events USING INDEX ix_exercise_events_org (exercise_id=? AND org_id=? AND seq>?)"));
        Assert.DoesNotContain(plan, line => line.Contains("PRIMARY KEY") || line.Contains("SCAN exercise_events"));
    }

    [Fact]
    public async Task A_group_s_dedupe_keys_are_each_one_seek_of_the_dedupe_index()
    {
        var plan = await PlanAsync(Database.Options.CreateDialect().Sql.EventFindDedupeMany, new { ExerciseId = "x", Keys = """["a","b"]""" });

        Assert.Contains(plan, line => line.Contains("ux_exercise_events_dedupe (exercise_id=? AND dedupe_key=?)"));
        Assert.DoesNotContain(plan, line => line.Contains("SCAN exercise_events"));
    }

    private async Task<List<string>> PlanAsync(string sql, object parameters)
    {
        await using var connection = await Database.Options.CreateDialect().OpenAsync(Cancellation);
        var rows = await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(
            new CommandDefinition("EXPLAIN QUERY PLAN " + StripComments(sql), parameters, cancellationToken: Cancellation));
        return rows.Select(row => row.Detail).ToList();
    }

    private static string StripComments(string sql) =>
        string.Join('\n', sql.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal)));
}
