using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CiExercise.Contracts.Exercises;
using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests.Limits;

/// <summary>
/// Every field has a bound, checked before anything is stored: the answer names the field and the limit,
/// records nothing, and never sends a hostile value back.
/// </summary>
public sealed class FieldBoundTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly ApiClient _api = server.Api;

    [Fact]
    public async Task A_decision_text_over_its_bound_names_the_field_and_the_limit_and_records_nothing()
    {
        var (id, bank) = await StartedAsync();
        var before = await _api.LastSeqAsync(id);

        using var response = await bank.PostAsync($"/api/exercises/{id}/organizations/bank/decisions",
            new { injectId = "i1-alert", text = new string('x', Contracts.Limits.TextLength + 1) });

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("request.invalid", problem.Code);
        Assert.Equal(["text"], problem.Fields);
        Assert.Contains(Contracts.Limits.TextLength.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.Detail);
        Assert.Equal(before, await _api.LastSeqAsync(id));
    }

    public static TheoryData<string, object> AdHocOverBounds => new()
    {
        { "title.en", AdHoc(title: new { en = new string('t', Contracts.Limits.SubjectLength + 1) }) },
        { "body.ja", AdHoc(body: new { ja = new string('本', Contracts.Limits.TextLength + 1) }) },
        { "responseWindow", AdHoc(responseWindow: TimeSpan.MaxValue) },
        { "responseWindow", AdHoc(responseWindow: Contracts.Limits.ResponseWindow + TimeSpan.FromSeconds(1)) },
        { "choices", AdHoc(choices: Enumerable.Range(0, Contracts.Limits.Choices + 1).Select(i => new { id = $"c{i}", text = new { en = "c" } }).ToArray()) },
        { "choices[0].id", AdHoc(choices: new[] { new { id = new string('c', Contracts.Limits.IdLength + 1), text = new { en = "c" } } }) },
        { "recipients.organizations", AdHoc(organizations: Enumerable.Repeat("bank", Contracts.Limits.Organizations + 1).ToArray()) },
        { "objectives[0]", AdHoc(objectives: [new string('o', Contracts.Limits.IdLength + 1)]) },
    };

    [Theory]
    [MemberData(nameof(AdHocOverBounds))]
    public async Task An_ad_hoc_inject_over_a_bound_is_a_400_naming_the_field(string field, object request)
    {
        var (id, _) = await StartedAsync();
        var before = await _api.LastSeqAsync(id);

        using var response = await _api.PostAsync($"/api/exercises/{id}/injects", request);

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("request.invalid", problem.Code);
        Assert.Equal([field], problem.Fields);
        Assert.Equal(before, await _api.LastSeqAsync(id));
    }

    [Fact]
    public async Task Halt_reasons_observations_and_join_link_names_have_bounds()
    {
        var (id, _) = await StartedAsync();
        var evaluator = await server.Factory.SignInAsync(TestPrincipals.Evaluator(id));
        var before = await _api.LastSeqAsync(id);

        using var halt = await _api.PostAsync($"/api/exercises/{id}/halt", new { reason = new string('r', Contracts.Limits.HaltReasonLength + 1) });
        using var observation = await evaluator.PostAsync($"/api/exercises/{id}/observations",
            new { kind = "strength", text = "noted", injectIds = Enumerable.Repeat("i1-alert", Contracts.Limits.Injects + 1) });
        using var links = await _api.PostAsync($"/api/exercises/{id}/join-links",
            Enumerable.Repeat(new { kind = "observer", name = "o" }, Contracts.Limits.JoinLinksPerRequest + 1));

        Assert.Equal(["reason"], (await ProblemAssert.ReadAsync(halt, HttpStatusCode.BadRequest)).Fields);
        Assert.Equal(["injectIds"], (await ProblemAssert.ReadAsync(observation, HttpStatusCode.BadRequest)).Fields);
        Assert.Equal(["links"], (await ProblemAssert.ReadAsync(links, HttpStatusCode.BadRequest)).Fields);
        Assert.Equal(before, await _api.LastSeqAsync(id));
        Assert.Equal(ExerciseStatus.Running, (await _api.ExerciseAsync(id)).Status);
    }

    [Fact]
    public async Task An_id_in_the_path_over_its_bound_is_refused_before_any_grain()
    {
        var longId = new string('a', Contracts.Limits.IdLength + 1);

        using var response = await _api.PostAsync($"/api/exercises/{longId}/start");

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("request.invalid", problem.Code);
        Assert.Equal(["id"], problem.Fields);
    }

    [Fact]
    public async Task A_hostile_value_is_not_sent_back()
    {
        var (id, bank) = await StartedAsync();
        var hostile = new string('h', 500_000);

        using var response = await bank.PostAsync($"/api/exercises/{id}/organizations/bank/messages",
            new { to = new[] { "power" }, subject = "s", body = "b", regardingInjectId = hostile });

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["regardingInjectId"], (await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest)).Fields);
        Assert.True(text.Length < 2000, $"The answer holds {text.Length} characters");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_JSON_body_over_its_limit_is_a_413_problem_with_or_without_a_length(bool withLength)
    {
        var (id, bank) = await StartedAsync();
        var before = await _api.LastSeqAsync(id);
        var json = Encoding.UTF8.GetBytes($$"""{"injectId":"i1-alert","text":"{{new string('x', Contracts.Limits.JsonBodyBytes)}}"}""");
        using HttpContent content = withLength ? new ByteArrayContent(json) : new StreamContent(new UnsizedStream(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await bank.Http.PostAsync($"/api/exercises/{id}/organizations/bank/decisions", content,
            TestContext.Current.CancellationToken);

        Assert.Equal("request.too-large", (await ProblemAssert.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge)).Code);
        Assert.Equal(before, await _api.LastSeqAsync(id));
    }

    private async Task<(string Id, ApiClient Bank)> StartedAsync()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        await _api.CommandAsync(id, "start");
        await _api.WaitForExerciseAsync(id, v => v.Injects[0].Status == InjectStatus.Fired, "the first inject fires");
        return (id, await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff")));
    }

    private static object AdHoc(
        object? title = null, object? body = null, TimeSpan? responseWindow = null, object? choices = null, string[]? organizations = null,
        string[]? objectives = null) => new
    {
        recipients = new { organizations = organizations ?? ["bank"] },
        channel = "email",
        title = title ?? new { en = "Ad-hoc" },
        body = body ?? new { en = "Body" },
        responseWindow,
        choices,
        objectives,
    };

    /// <summary>A body whose length the client cannot tell, so that it is sent chunked.</summary>
    private sealed class UnsizedStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
