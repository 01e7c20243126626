using System.Net;
using CiExercise.Client;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Server.Feed;
using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Infrastructure;
using CiExercise.Server.Tests.Realtime;

namespace CiExercise.Server.Tests.Voices;

/// <summary>
/// The news and social feed: the control cell's live posts and organizations' press statements reach every
/// participant's console, and GET /feed shows each principal the scripted news and social injects it may see.
/// </summary>
public sealed class FeedApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly HubHarness _hub = new(server.Factory);

    [Fact]
    public async Task Live_posts_and_statements_reach_every_console_and_the_feed_shows_what_each_may_see()
    {
        var id = await VoicesScenario.StartedAsync(_hub);
        await server.Api.CommandAsync(id, "jump", new { to = "next-inject" }); // i3-water, news to water only
        var (water, waterEvents) = await _hub.SubscribeAsync((await _hub.IssueAsync(PrincipalKind.Participant, id, "water", "staff")).Token, id);
        await using var _ = water;
        await using var bank = await _hub.ConnectAsync((await _hub.IssueAsync(PrincipalKind.Participant, id, "bank", "staff")).Token);
        var controller = await server.Factory.SignInAsync(TestPrincipals.Controller(id));

        using var posted = await controller.PostAsync($"/api/exercises/{id}/feed",
            new { kind = "social", outlet = "Chirper", handle = "@angry_customer", headline = "Cards declined everywhere", body = "What is Toto Bank hiding?" });
        var post = await ApiClient.ReadAsync<ActionReceipt>(posted, HttpStatusCode.Created);
        var statement = await bank.PublishStatement(id, "Toto Bank statement", "Card payments are being restored.", null);

        var seen = await waterEvents.WaitForAsync(e => e.Count(x => x.Kind == EventKind.FeedPosted) == 2, "both posts reach water's console");
        Assert.Equal([post.Seq, statement.Seq], seen.Where(e => e.Kind == EventKind.FeedPosted).Select(e => e.Seq));
        var bankFeed = await (await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff"))).GetAsync<FeedPage>($"/api/exercises/{id}/feed");
        var waterFeed = await (await server.Factory.SignInAsync(TestPrincipals.Participant(id, "water", "staff"))).GetAsync<FeedPage>($"/api/exercises/{id}/feed");
        var staffFeed = await server.Api.GetAsync<FeedPage>($"/api/exercises/{id}/feed");

        Assert.Equal(["i1-alert", null, null], bankFeed.Items.Select(i => i.InjectId));
        Assert.Equal(["i3-water", null, null], waterFeed.Items.Select(i => i.InjectId));
        Assert.Equal(["i1-alert", "i3-water", null, null], staffFeed.Items.Select(i => i.InjectId));
        var social = bankFeed.Items[0];
        Assert.Equal((FeedKind.Social, "Chirper", "@toto_watch"), (social.Kind, social.Outlet.En, social.Handle));
        Assert.Equal((FeedKind.News, "Maiasa Shimbun"), (waterFeed.Items[0].Kind, waterFeed.Items[0].Outlet.En));
        var (live, bankStatement) = (staffFeed.Items[2], staffFeed.Items[3]);
        Assert.Equal((FeedKind.Social, "@angry_customer", "Controller"), (live.Kind, live.Handle, live.PostedBy));
        Assert.Equal((FeedKind.Statement, "bank", "Toto Bank", "Participant-bank-staff"),
            (bankStatement.Kind, bankStatement.OrganizationId, bankStatement.Outlet.En, bankStatement.PostedBy));
        Assert.All(staffFeed.Items, i => Assert.True(i.Exercise));
        var paged = await server.Api.GetAsync<FeedPage>($"/api/exercises/{id}/feed?limit=1&after={staffFeed.Items[0].Seq}");
        Assert.Equal(("i3-water", true), (paged.Items.Single().InjectId, paged.HasMore));
    }

    [Fact]
    public async Task Refused_posts_have_their_codes_and_record_nothing()
    {
        var id = await VoicesScenario.StartedAsync(_hub);
        var controller = await server.Factory.SignInAsync(TestPrincipals.Controller(id));
        var bank = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff"));
        var before = await server.Api.LastSeqAsync(id);

        using var statementKind = await controller.PostAsync($"/api/exercises/{id}/feed", new { kind = "statement", outlet = "o", headline = "h", body = "b" });
        Assert.Contains("kind", (await ProblemAssert.ReadAsync(statementKind, HttpStatusCode.BadRequest)).Fields);
        using var noOutlet = await controller.PostAsync($"/api/exercises/{id}/feed", new { kind = "news", headline = "h", body = "b" });
        var missing = await ProblemAssert.ReadAsync(noOutlet, HttpStatusCode.BadRequest);
        Assert.Equal("request.invalid", missing.Code);
        Assert.Equal(["outlet"], missing.Fields);
        using var longBody = await bank.PostAsync($"/api/exercises/{id}/organizations/bank/statements", new { headline = "h", body = new string('b', 8001) });
        Assert.Equal(["body"], (await ProblemAssert.ReadAsync(longBody, HttpStatusCode.BadRequest)).Fields);
        using var byParticipant = await bank.PostAsync($"/api/exercises/{id}/feed", new { kind = "news", outlet = "o", headline = "h", body = "b" });
        await ProblemAssert.ReadAsync(byParticipant, HttpStatusCode.Forbidden);
        using var asBank = await controller.PostAsync($"/api/exercises/{id}/organizations/bank/statements", new { headline = "h", body = "b" });
        Assert.Equal("auth.forbidden", (await ProblemAssert.ReadAsync(asBank, HttpStatusCode.Forbidden)).Code);
        await server.Api.CommandAsync(id, "end");
        var ended = await server.Api.LastSeqAsync(id);
        using var afterEnd = await controller.PostAsync($"/api/exercises/{id}/feed", new { kind = "news", outlet = "o", headline = "h", body = "b" });
        Assert.Equal("exercise.not-in-play", (await ProblemAssert.ReadAsync(afterEnd, HttpStatusCode.Conflict)).Code);
        await using var hub = await _hub.ConnectAsync((await _hub.IssueAsync(PrincipalKind.Participant, id, "bank", "staff")).Token);
        var hubRefusal = await Assert.ThrowsAsync<ExerciseHubException>(() => hub.PublishStatement(id, "h", "b", null));
        Assert.Equal("exercise.not-in-play", hubRefusal.Code);

        Assert.Equal(before + 1, ended);
        Assert.Equal(ended, await server.Api.LastSeqAsync(id));
    }

    [Fact]
    public async Task The_control_cell_publishes_a_statement_as_the_simulated_ministry()
    {
        var id = await VoicesScenario.StartedAsync(_hub);
        var controller = await server.Factory.SignInAsync(TestPrincipals.Controller(id));

        using var response = await controller.PostAsync($"/api/exercises/{id}/organizations/ministry/statements",
            new { headline = "Ministry statement", body = "We are coordinating with the operators." });
        var receipt = await ApiClient.ReadAsync<ActionReceipt>(response, HttpStatusCode.Created);

        var row = (await server.Api.EventsAsync(id)).Single(e => e.Seq == receipt.Seq);
        Assert.Equal((EventKind.FeedPosted, Actor.ControllerAs("Controller", "ministry")), (row.Kind, row.Actor));
        var item = (await server.Api.GetAsync<FeedPage>($"/api/exercises/{id}/feed")).Items.Single(i => i.Seq == receipt.Seq);
        Assert.Equal((FeedKind.Statement, "ministry", "The ministry"), (item.Kind, item.OrganizationId, item.Outlet.En));
    }
}
