using System.Net;
using System.Text;
using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Infrastructure;
using CiExercise.Storage.JoinLinks;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Server.Tests.Access;

public sealed class JoinLinkLifecycleTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly ServerFactory _factory = server.Factory;

    [Fact]
    public async Task Issued_links_sign_in_export_as_csv_and_stop_working_once_revoked()
    {
        var id = (await server.Api.CreateExerciseAsync()).Id;
        using var issue = await server.Api.Http.PostAsync($"/api/exercises/{id}/join-links", Json(
            """[{"kind":"participant","organizationId":"bank","role":"staff","name":"佐藤, 花子"},{"kind":"observer","name":"=Observer","expiresIn":"1.00:00:00"}]"""),
            TestContext.Current.CancellationToken);
        var issued = await ApiClient.ReadAsync<IssuedJoinLink[]>(issue, HttpStatusCode.Created);
        var participant = _factory.Client(TokenOf(issued[0].Url));

        Assert.StartsWith("http://localhost/join#", issued[0].Url);
        var me = await participant.GetAsync<PrincipalView>("/api/auth/me");
        Assert.Equal(new PrincipalView(PrincipalKind.Participant, id, "bank", "staff", "佐藤, 花子"), me);
        using var redeem = await participant.PostAsync("/api/auth/redeem");
        Assert.Equal(me, (await ApiClient.ReadAsync<RedeemResult>(redeem, HttpStatusCode.OK)).Principal);

        var listed = await server.Api.GetAsync<JoinLinkSummary[]>($"/api/exercises/{id}/join-links");
        Assert.Equal(issued.Select(i => i.Link.Id), listed.Select(l => l.Id));
        var csv = await CsvAsync(id);
        Assert.Equal("name,kind,organization,role,expires,url,email", csv[0]);
        Assert.StartsWith("\"佐藤, 花子\",participant,bank,staff,", csv[1]);
        Assert.StartsWith("'=Observer,observer,,,", csv[2]);
        var exported = _factory.Client(TokenOf(csv[1].Split(',')[^2]));
        Assert.Equal(me, await exported.GetAsync<PrincipalView>("/api/auth/me"));

        using var revoke = await server.Api.Http.DeleteAsync($"/api/join-links/{issued[0].Link.Id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        using var refused = await participant.Http.GetAsync("/api/auth/me", TestContext.Current.CancellationToken);
        Assert.Contains("revoked", (await ProblemAssert.ReadAsync(refused, HttpStatusCode.Unauthorized)).Detail);
        Assert.Contains(_factory.Logs.RefusalsOf("/api/auth/me"), e => CapturedLogs.Text(e, "Reason") == "the token was revoked");
        Assert.DoesNotContain(_factory.Logs.Events, e => e.RenderMessage().Contains(TokenOf(issued[0].Url), StringComparison.Ordinal));
        Assert.Equal(2, (await CsvAsync(id)).Length);
    }

    [Fact]
    public async Task A_bad_link_in_a_batch_issues_none_and_says_which()
    {
        var id = (await server.Api.CreateExerciseAsync()).Id;

        using var response = await server.Api.Http.PostAsync($"/api/exercises/{id}/join-links", Json(
            """[{"kind":"observer","name":"Fine"},{"kind":"participant","organizationId":"bank","role":"janitor","name":"X"},{"kind":"evaluator","name":"Y","expiresIn":"31.00:00:00"}]"""),
            TestContext.Current.CancellationToken);

        Assert.Equal(["[1].role", "[2].expiresIn"], (await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest)).Fields.Order());
        Assert.Empty(await server.Api.GetAsync<JoinLinkSummary[]>($"/api/exercises/{id}/join-links"));
    }

    [Fact]
    public async Task Expired_and_unknown_tokens_are_refused()
    {
        var id = (await server.Api.CreateExerciseAsync()).Id;
        var past = DateTimeOffset.UtcNow.AddDays(-2);
        var expired = new JoinLink($"jl-{Guid.NewGuid():N}", id, "observer", null, null, "Late", past, past.AddDays(1), null, "tests", false, null);
        await _factory.Services.GetRequiredService<IJoinLinkStore>().AddAsync([expired], TestContext.Current.CancellationToken);
        var expiredToken = _factory.Services.GetRequiredService<JoinLinkService>().Sign(expired);
        var unknownToken = _factory.Services.GetRequiredService<ITokenIssuer>()
            .Issue(TestPrincipals.Observer(id) with { TokenId = "never-stored" }, TimeSpan.FromHours(1));

        using var late = await _factory.Client(expiredToken).Http.GetAsync($"/api/exercises/{id}", TestContext.Current.CancellationToken);
        using var unknown = await _factory.Client(unknownToken).Http.GetAsync($"/api/exercises/{id}", TestContext.Current.CancellationToken);

        Assert.Contains("expired", (await ProblemAssert.ReadAsync(late, HttpStatusCode.Unauthorized)).Detail);
        Assert.Contains("not issued", (await ProblemAssert.ReadAsync(unknown, HttpStatusCode.Unauthorized)).Detail);
    }

    [Fact]
    public async Task The_first_controller_link_is_written_on_an_empty_database_and_redeemed_once()
    {
        var written = await File.ReadAllTextAsync(FirstControllerLink.PathIn(_factory.DataDirectory), TestContext.Current.CancellationToken);
        Assert.Matches(@"^\S+/join#\S+\s*$", written);
        var oneTime = _factory.Client(TokenOf(written.Trim()));

        using var beforeRedeem = await oneTime.Http.GetAsync("/api/exercises", TestContext.Current.CancellationToken);
        Assert.Contains("redeemed first", (await ProblemAssert.ReadAsync(beforeRedeem, HttpStatusCode.Unauthorized)).Detail);
        using var redeem = await oneTime.PostAsync("/api/auth/redeem");
        var session = await ApiClient.ReadAsync<RedeemResult>(redeem, HttpStatusCode.OK);
        using var again = await oneTime.PostAsync("/api/auth/redeem");

        Assert.Equal(new PrincipalView(PrincipalKind.Controller, null, null, null, FirstControllerLink.Name), session.Principal);
        Assert.Contains("already used", (await ProblemAssert.ReadAsync(again, HttpStatusCode.Unauthorized)).Detail);
        Assert.Equal(session.Principal, await _factory.Client(session.Token).GetAsync<PrincipalView>("/api/auth/me"));
        Assert.DoesNotContain(_factory.Logs.Events, e => e.RenderMessage().Contains(session.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Of_concurrent_redeems_of_a_one_time_link_exactly_one_succeeds()
    {
        var links = _factory.Services.GetRequiredService<JoinLinkService>();
        var link = (await links.IssueAsync([(TestPrincipals.ControllerOfAll, TimeSpan.FromHours(1))], "tests", oneTime: true,
            TestContext.Current.CancellationToken))[0];

        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var response = await _factory.Client(link.Token).PostAsync("/api/auth/redeem");
            return response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.All(statuses.Where(s => s != HttpStatusCode.OK), s => Assert.True(s is HttpStatusCode.Conflict or HttpStatusCode.Unauthorized, $"got {s}"));
    }

    private async Task<string[]> CsvAsync(string id)
    {
        using var response = await server.Api.Http.GetAsync($"/api/exercises/{id}/join-links.csv", TestContext.Current.CancellationToken);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static string TokenOf(string url) => url[(url.IndexOf('#', StringComparison.Ordinal) + 1)..];

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
