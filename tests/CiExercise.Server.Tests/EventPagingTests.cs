using System.Net;
using CiExercise.Server.Exercises;
using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests;

public sealed class EventPagingTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly ApiClient _api = server.Api;

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_and_payloads_are_objects()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        await _api.CommandAsync(id, "start");
        await _api.CommandAsync(id, "jump", new { phaseId = "escalation" });
        var all = await _api.EventsAsync(id);
        Assert.True(all.Count > 6, $"expected a log longer than a few pages of 3, got {all.Count}");

        var pages = new List<EventPage>();
        long after = 0;
        do
        {
            pages.Add(await _api.GetAsync<EventPage>($"/api/exercises/{id}/events?after={after}&limit=3"));
            after = pages[^1].NextAfter;
        }
        while (pages[^1].HasMore);

        Assert.All(pages[..^1], p => Assert.Equal(3, p.Events.Count));
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), pages.SelectMany(p => p.Events).Select(e => e.Seq));
        Assert.All(all, e => Assert.Equal(System.Text.Json.JsonValueKind.Object, e.Payload.ValueKind));
        var end = await _api.GetAsync<EventPage>($"/api/exercises/{id}/events?after={all.Count}");
        Assert.Equal((0, (long)all.Count, false), (end.Events.Count, end.NextAfter, end.HasMore));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("after=-1", "after")]
    public async Task Out_of_range_paging_names_the_parameter(string query, string field)
    {
        var id = (await _api.CreateExerciseAsync()).Id;

        using var response = await _api.Http.GetAsync($"/api/exercises/{id}/events?{query}", TestContext.Current.CancellationToken);

        Assert.Equal([field], (await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest)).Fields);
    }

    [Fact]
    public async Task A_parameter_that_is_not_a_number_is_a_problem_400()
    {
        var id = (await _api.CreateExerciseAsync()).Id;

        using var response = await _api.Http.GetAsync($"/api/exercises/{id}/events?after=soon", TestContext.Current.CancellationToken);

        Assert.Equal("request.unreadable", (await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task The_log_of_an_unknown_exercise_is_404()
    {
        using var response = await _api.Http.GetAsync("/api/exercises/no-such-exercise/events", TestContext.Current.CancellationToken);

        Assert.Equal("exercise.not-found", (await ProblemAssert.ReadAsync(response, HttpStatusCode.NotFound)).Code);
    }
}
