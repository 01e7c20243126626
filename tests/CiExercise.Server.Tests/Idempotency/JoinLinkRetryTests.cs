using System.Net;
using System.Text;
using CiExercise.Contracts.Idempotency;
using CiExercise.Server.Identity;
using CiExercise.Server.Roster;
using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests.Idempotency;

/// <summary>
/// Issuing links and importing a roster under one Idempotency-Key, twice: the same links come back (signed again
/// from their rows, since no token is stored) and no second set is stored.
/// </summary>
public sealed class JoinLinkRetryTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Roster = """
        name,organization,role,email
        Sato,bank,staff,sato@example.jp
        Tanaka,water,staff,
        """;

    private readonly ApiClient _api = server.Api;

    private Task<JoinLinkSummary[]> LinksAsync(string id) => _api.GetAsync<JoinLinkSummary[]>($"/api/exercises/{id}/join-links");

    [Fact]
    public async Task A_retried_issue_gives_back_the_same_link_and_stores_one()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        var body = new[] { new { kind = "participant", organizationId = "bank", role = "staff", name = "Sato" } };
        var key = KeyedRequests.NewKey();

        using var first = await _api.PostAsync($"/api/exercises/{id}/join-links", body, key);
        using var again = await _api.PostAsync($"/api/exercises/{id}/join-links", body, key);
        using var other = await _api.PostAsync($"/api/exercises/{id}/join-links",
            new[] { new { kind = "observer", name = "Mori" } }, key);

        var issued = Assert.Single(await ApiClient.ReadAsync<IssuedJoinLink[]>(first, HttpStatusCode.Created));
        var reissued = Assert.Single(await ApiClient.ReadAsync<IssuedJoinLink[]>(again, HttpStatusCode.Created));
        Assert.True(again.Replayed());
        Assert.Equal((issued.Link.Id, issued.Url), (reissued.Link.Id, reissued.Url));
        Assert.Equal(ClientActionId.ReusedCode, (await ProblemAssert.ReadAsync(other, HttpStatusCode.UnprocessableEntity)).Code);
        Assert.Equal([issued.Link.Id], (await LinksAsync(id)).Select(l => l.Id));
    }

    [Fact]
    public async Task A_retried_roster_import_issues_the_roster_once()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        var key = KeyedRequests.NewKey();

        using var first = await _api.SendAsync($"/api/exercises/{id}/roster", Csv(Roster), key);
        using var again = await _api.SendAsync($"/api/exercises/{id}/roster", Csv(Roster), key);
        using var otherFile = await _api.SendAsync($"/api/exercises/{id}/roster", Csv(Roster + "\nIto,bank,manager,\n"), key);

        var imported = await ApiClient.ReadAsync<RosterReport>(first, HttpStatusCode.Created);
        var replayed = await ApiClient.ReadAsync<RosterReport>(again, HttpStatusCode.Created);
        Assert.True(again.Replayed());
        Assert.Equal(imported.Links!.Select(l => (l.Link.Id, l.Url)), replayed.Links!.Select(l => (l.Link.Id, l.Url)));
        Assert.Equal((2, 0), (replayed.ToIssue, replayed.ErrorCount));
        Assert.Equal(ClientActionId.ReusedCode, (await ProblemAssert.ReadAsync(otherFile, HttpStatusCode.UnprocessableEntity)).Code);
        Assert.Equal(imported.Links!.Select(l => l.Link.Id).Order(), (await LinksAsync(id)).Select(l => l.Id).Order());
    }

    private static StringContent Csv(string text) => new(text.ReplaceLineEndings("\n"), Encoding.UTF8, "text/csv");
}
