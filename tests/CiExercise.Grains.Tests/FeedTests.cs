using CiExercise.Contracts;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Idempotency;
using CiExercise.Contracts.Scenarios;
using static CiExercise.Grains.Tests.SimulatedOrganizationTests;
using static CiExercise.Grains.Tests.VoicesScenario;

namespace CiExercise.Grains.Tests;

/// <summary>Live posts in the feed: the control cell's news and social posts, and organizations' press statements.</summary>
[Collection(nameof(TwoSilos))]
public sealed class FeedTests(TwoSiloFixture fixture)
{
    private static readonly FeedPost News = new(FeedKind.News, " Maiasa Shimbun ", null, "Card payments fail nationwide", "Shops turn customers away.", null);

    private EngineCluster Engine => fixture.Engine;

    [Fact]
    public async Task Posts_and_statements_are_recorded_once_per_key_as_they_are_stored()
    {
        var (grain, id) = await StartedAsync(Engine);

        var news = await grain.PublishPost(Control, News, "news-1");
        await Engine.Cluster.DeactivateAsync(grain);
        var resent = await grain.PublishPost(Control, News, "news-1");
        var statement = await grain.PublishPost(BankCiso, new FeedPost(FeedKind.Statement, "", null, "Our statement", "Cards work again.", null), null);
        var ministry = await grain.PublishPost(AsFsa, new FeedPost(FeedKind.Statement, "", null, "FSA statement", "We are in contact.", "fsa"), null);

        Assert.Equal((news.Seq, true), (resent.Seq, resent.Duplicate));
        var posts = (await Engine.ReadAllAsync(id)).Where(e => e.Kind == EventKind.FeedPosted).ToArray();
        Assert.Equal([news.Seq, statement.Seq, ministry.Seq], posts.Select(e => e.Seq));
        Assert.All(posts, e => Assert.Null(e.OrganizationId));
        var stored = posts.Select(e => ScenarioJson.Deserialize<FeedPostedPayload>(e.Payload).Post).ToArray();
        Assert.Equal(News with { Outlet = "Maiasa Shimbun" }, stored[0]);
        Assert.Equal(new FeedPost(FeedKind.Statement, "bank（日本語）", null, "Our statement", "Cards work again.", "bank"), stored[1]);
        Assert.Equal(("fsa", AsFsa), (stored[2].OrganizationId, posts[2].Actor));
        var reused = await Assert.ThrowsAsync<ExerciseRuleException>(() => grain.PublishPost(Control, News with { Headline = "Other" }, "news-1"));
        Assert.Equal(ClientActionId.ReusedCode, reused.Code);
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "participant posts news", "bank", "feed.news-by-control-only" },
        { "evaluator posts news", "evaluator", "feed.news-by-control-only" },
        { "controller publishes a statement as nobody", "control-statement", "feed.statement-needs-organization" },
        { "controller speaks for bank", "as-bank", "organization.not-simulated" },
        { "participant of fsa", "fsa-participant", "organization.simulated" },
        { "statement for another organization", "other-org", "actor.wrong-organization" },
        { "blank headline", "blank-headline", "feed.headline-required" },
        { "blank body", "blank-body", "feed.body-required" },
        { "no outlet", "no-outlet", "feed.outlet-required" },
        { "headline too long", "long-headline", "text.too-long" },
        { "body too long", "long-body", "text.too-long" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Each_refusal_has_its_code_and_records_nothing(string what, string @case, string code)
    {
        var (grain, id) = await StartedAsync(Engine);
        var before = (await Engine.ReadAllAsync(id)).Count;
        var statement = new FeedPost(FeedKind.Statement, "", null, "Statement", "Body", null);
        var (actor, post) = @case switch
        {
            "bank" => (BankCiso, News),
            "evaluator" => (new Actor("Eva", "evaluator", null), News),
            "control-statement" => (Control, statement),
            "as-bank" => (Actor.ControllerAs("director", "bank"), statement),
            "fsa-participant" => (new Actor("Kato", "staff", "fsa"), statement),
            "other-org" => (BankCiso, statement with { OrganizationId = "card" }),
            "blank-headline" => (Control, News with { Headline = " " }),
            "blank-body" => (Control, News with { Body = "" }),
            "no-outlet" => (Control, News with { Outlet = "" }),
            "long-headline" => (Control, News with { Headline = new string('h', Limits.SubjectLength + 1) }),
            _ => (Control, News with { Body = new string('b', Limits.TextLength + 1) }),
        };

        await Refused(code, () => grain.PublishPost(actor, post, null));

        Assert.True(before == (await Engine.ReadAllAsync(id)).Count, what);
    }

    [Fact]
    public async Task The_feed_takes_posts_only_in_play()
    {
        var id = "ex-" + Guid.NewGuid().ToString("N")[..10];
        var grain = Engine.Grains.GetGrain<IExerciseGrain>(id);
        await grain.Create("Voices", VoicesScenario.Create(), Control);

        await Refused("exercise.not-in-play", () => grain.PublishPost(Control, News, null));
        await grain.Start(Control);
        await grain.End(Control);
        await Refused("exercise.not-in-play", () => grain.PublishPost(BankCiso, News with { Kind = FeedKind.Statement }, null));

        Assert.DoesNotContain(await Engine.ReadAllAsync(id), e => e.Kind == EventKind.FeedPosted);
    }
}
