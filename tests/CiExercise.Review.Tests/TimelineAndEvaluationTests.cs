using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Grains.Tests;
using CiExercise.Review.Model;

namespace CiExercise.Review.Tests;

/// <summary>
/// The timeline's filters, paging and clock bands, and the evaluation and participation of the scripted exercise.
/// Task ratings, joins and hot-wash answers are written to the log by their contracts, as the grains record them.
/// </summary>
[Collection(nameof(ControlledEngine))]
public sealed class TimelineAndEvaluationTests(ControlledEngine engine)
{
    private static readonly Actor Evaluator1 = new("eval-1", "evaluator", null);
    private static readonly Actor Evaluator2 = new("eval-2", "evaluator", null);

    private static TimeSpan M(double minutes) => TimeSpan.FromMinutes(minutes);

    private async Task<(ScriptedExercise Run, ReviewService Reviews)> PlayedAndRated()
    {
        var run = await ScriptedExercise.RunAsync(engine);
        var wall = run.Start + M(50);
        NewEvent Row(EventKind kind, Actor actor, string? organization, object payload) =>
            new(kind, wall, M(40), organization, actor, null, null, ScenarioJson.Serialize(payload), null);
        TaskRatedPayload Rated(string objective, string task, HseepRating rating) => new(new TaskRating(objective, task, rating, null, []), null);
        await engine.Log.AppendAsync(run.Id,
        [
            Row(EventKind.TaskRated, Evaluator1, null, Rated("share", "report", HseepRating.S)),
            Row(EventKind.TaskRated, Evaluator1, null, Rated("share", "cross", HseepRating.P)),
            Row(EventKind.TaskRated, Evaluator2, null, Rated("share", "report", HseepRating.M)),
            Row(EventKind.ObservationRecorded, Evaluator1, null, new ObservationPayload(new Observation(ObservationKind.AreaForImprovement,
                HseepRating.M, "Power never answered", ["continuity"], ["i2"], ["power"]), null)),
            Row(EventKind.ParticipantJoined, ScriptedExercise.Staff("telco"), "telco", new ParticipantJoinedPayload("staff")),
            Row(EventKind.ParticipantJoined, new Actor("suzuki", "ciso", "telco"), "telco", new ParticipantJoinedPayload("ciso")),
            Row(EventKind.HotWashSubmitted, ScriptedExercise.Staff("bank"), "bank", new HotWashPayload([new HotWashAnswer("realism", 2, null)], null)),
            Row(EventKind.HotWashSubmitted, ScriptedExercise.Executive("power"), "power", new HotWashPayload([new HotWashAnswer("realism", 5, null)], null)),
            Row(EventKind.HotWashSubmitted, ScriptedExercise.Staff("bank"), "bank", new HotWashPayload([new HotWashAnswer("realism", 4, null)], null)),
        ], TestContext.Current.CancellationToken);
        return (run, engine.Reviews());
    }

    private static Task<TimelinePage> Page(ReviewService reviews, string id, TimelineFilter filter, long after = 0, int limit = 500) =>
        reviews.TimelineAsync(id, filter, after, limit, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Filters_narrow_the_timeline_by_role_sector_objective_organization_inject_and_scenario_time()
    {
        var (run, reviews) = await PlayedAndRated();

        var byCiso = await Page(reviews, run.Id, new TimelineFilter(Roles: ["ciso"]));
        Assert.Equal([EventKind.DecisionRecorded, EventKind.ParticipantJoined], byCiso.Entries.Select(e => e.Kind));
        var ciso = byCiso.Entries[0];
        Assert.Equal((EventKind.DecisionRecorded, "telco", Sector.InformationCommunications), (ciso.Kind, ciso.OrganizationId, ciso.Sector!.Value));
        Assert.Equal("Decision on Intrusion: Isolate", ciso.Summary.En);
        Assert.StartsWith("判断", ciso.Summary.Ja);

        var power = await Page(reviews, run.Id, new TimelineFilter(Sectors: [Sector.ElectricPower]));
        Assert.Equal([EventKind.InjectDelivered, EventKind.InjectAcknowledged, EventKind.HotWashSubmitted], power.Entries.Select(e => e.Kind));

        // Rows of i1 (fired, delivered, acknowledged, reported, received, decided) and the ratings of its objective's tasks;
        // the forwards name no inject and no objective.
        var share = await Page(reviews, run.Id, new TimelineFilter(ObjectiveIds: ["share"]));
        Assert.Equal(
            [EventKind.InjectFired, EventKind.InjectDelivered, EventKind.InjectAcknowledged, EventKind.MessageSent, EventKind.MessageReceived,
             EventKind.DecisionRecorded, EventKind.TaskRated, EventKind.TaskRated, EventKind.TaskRated],
            share.Entries.Select(e => e.Kind));
        Assert.Equal(["continuity"], Assert.Single((await Page(reviews, run.Id, new TimelineFilter(Kinds: [EventKind.ObservationRecorded]))).Entries).ObjectiveIds);

        var bankOnI2 = await Page(reviews, run.Id, new TimelineFilter(OrganizationIds: ["bank"], InjectIds: ["i2"]));
        Assert.Equal([EventKind.InjectDelivered, EventKind.InjectAcknowledged, EventKind.DecisionRecorded], bankOnI2.Entries.Select(e => e.Kind));

        var window = await Page(reviews, run.Id, new TimelineFilter(ScenarioFrom: M(16), ScenarioTo: M(18)));
        Assert.Equal([EventKind.ExercisePaused, EventKind.ExerciseResumed, EventKind.InjectAcknowledged], window.Entries.Select(e => e.Kind));
    }

    [Fact]
    public async Task Pages_follow_one_another_by_seq_and_count_every_match()
    {
        var (run, reviews) = await PlayedAndRated();
        var messages = new TimelineFilter(Kinds: [EventKind.MessageSent, EventKind.MessageReceived]);

        var seen = new List<TimelineEntry>();
        long? after = 0;
        var pages = 0;
        while (after is { } from)
        {
            var page = await Page(reviews, run.Id, messages, from, limit: 2);
            Assert.Equal(6, page.Matched);
            seen.AddRange(page.Entries);
            after = page.NextAfterSeq;
            pages++;
        }
        Assert.Equal(3, pages);
        Assert.Equal(6, seen.Select(e => e.Seq).Distinct().Count());
        Assert.Equal(seen.Select(e => e.Seq).Order(), seen.Select(e => e.Seq));
        var refused = await Assert.ThrowsAsync<ExerciseRuleException>(() => Page(reviews, run.Id, messages, limit: 501));
        Assert.Equal("review.limit-out-of-range", refused.Code);
    }

    [Fact]
    public async Task Bands_show_the_speed_in_force_and_the_pause_in_both_clocks()
    {
        var (run, reviews) = await PlayedAndRated();
        var review = await reviews.GetAsync(run.Id, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                (ClockBandKind.Speed, run.Start, (DateTimeOffset?)(run.Start + M(44)), TimeSpan.Zero, (TimeSpan?)M(40), 1d),
                (ClockBandKind.Paused, run.Start + M(16), run.Start + M(20), M(16), M(16), 1d),
            ],
            review.Bands.Select(b => (b.Kind, b.WallFrom, b.WallTo, b.ScenarioFrom, b.ScenarioTo, b.Speed)));
        Assert.Equal("director", review.Bands[1].ActorId);
    }

    [Fact]
    public async Task Evaluation_rates_objectives_by_their_worst_current_task_and_names_what_nobody_evaluated()
    {
        var (run, reviews) = await PlayedAndRated();
        var evaluation = (await reviews.GetAsync(run.Id, TestContext.Current.CancellationToken)).Evaluation;

        var share = evaluation.Objectives.Single(o => o.ObjectiveId == "share");
        // report: S then M by another evaluator (current M); cross: P. The worst current rating is M.
        Assert.Equal(HseepRating.M, share.Rating);
        Assert.Equal([HseepRating.S, HseepRating.M], share.Tasks.Single(t => t.TaskId == "report").Ratings.Select(r => r.Rating));
        Assert.Equal(HseepRating.P, share.Tasks.Single(t => t.TaskId == "cross").Current);
        var continuity = evaluation.Objectives.Single(o => o.ObjectiveId == "continuity");
        Assert.Equal((null, 1), (continuity.Rating, continuity.Observations));
        Assert.Equal(["recover"], evaluation.UnevaluatedObjectives);
        Assert.Equal([new TaskRef("continuity", "decide"), new TaskRef("recover", "restore")], evaluation.UnevaluatedTasks);
    }

    [Fact]
    public async Task Participation_lists_who_joined_and_acted_the_lateness_and_the_latest_hot_wash_answers()
    {
        var (run, reviews) = await PlayedAndRated();
        var participation = (await reviews.GetAsync(run.Id, TestContext.Current.CancellationToken)).Participation;

        var telco = participation.Organizations.Single(o => o.OrganizationId == "telco");
        Assert.Equal(["sato-telco", "suzuki"], telco.Joined);
        Assert.Equal(["sato-telco", "suzuki"], telco.Acted);
        Assert.Equal(run.Start + M(7), telco.LastActedAt);
        Assert.Empty(participation.Organizations.Single(o => o.OrganizationId == "telco-isac").Acted);
        Assert.Equal(
            [("i1", (TimeSpan?)TimeSpan.Zero, false), ("i2", M(10), false), ("i3", null, false)],
            participation.Lateness.Select(l => (l.InjectId, l.FiredAtScenario, l.Late)));
        // The bank's second submission replaces its first.
        Assert.Equal([("power", 5), ("bank", 4)], participation.HotWash.Select(h => (h.OrganizationId, h.Answers.Single().Rating!.Value)));
    }

    [Fact]
    public async Task An_organization_that_stops_acting_with_injects_unanswered_went_silent()
    {
        var (run, reviews) = await PlayedAndRated();
        var review = await reviews.GetAsync(run.Id, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(review.Participation.Organizations, o => o.WentSilent);

        // i2 delivered to telco too after its last action (w7), and never answered: telco went silent. The same service
        // computes the review again because the log moved.
        Assert.Equal(ExerciseStatus.Ended, review.Status);
        var events = await engine.Engine.ReadAllAsync(run.Id);
        var delivered = events.Single(e => e.Kind == EventKind.InjectDelivered && e.InjectId == "i1");
        await engine.Log.AppendAsync(run.Id,
        [
            new NewEvent(EventKind.InjectDelivered, run.Start + M(30), M(26), "telco", Actor.System, "i2", null,
                delivered.Payload, null),
        ], TestContext.Current.CancellationToken);
        var again = await reviews.GetAsync(run.Id, TestContext.Current.CancellationToken);
        Assert.True(again.LastSeq > review.LastSeq);
        Assert.True(again.Participation.Organizations.Single(o => o.OrganizationId == "telco").WentSilent);
    }
}
