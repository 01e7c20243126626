using CiExercise.Client.Hub;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Server.Identity;
using CiExercise.Server.Scenarios;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Server.Tests.Realtime;

/// <summary>
/// A delivery carries its inject, live and replayed, scripted and ad hoc, as the organization may see it:
/// a console shows it without asking the exercise for its view.
/// </summary>
public sealed class PushedInjectTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly HubHarness _hub = new(server.Factory);

    [Fact]
    public async Task Live_and_replayed_deliveries_carry_the_inject_without_its_answer_key()
    {
        var id = await _hub.CreateExerciseAsync();
        var bankToken = (await _hub.IssueAsync(PrincipalKind.Participant, id, "bank", "staff")).Token;
        var (live, liveEvents) = await _hub.SubscribeAsync(bankToken, id);

        await _hub.Exercise(id).Start(HubHarness.Control);
        var adHoc = await _hub.Exercise(id).FireAdHoc(HubHarness.Control, new AdHocInject(
            new Recipients(false, ["bank", "water"], [], []), new LocalizedText(null, "Regulator"), Channel.Phone,
            new LocalizedText("規制当局からの電話", "Call from the regulator"), new LocalizedText(null, "Report status within the hour."),
            new LocalizedText(null, "Escalate to the CISO"), TimeSpan.FromHours(1), ["report"],
            [new Choice("yes", new LocalizedText(null, "Report now"))]));

        var seen = await liveEvents.WaitForAsync(
            e => e.Count(x => x.Kind == EventKind.InjectDelivered) == 2, "both deliveries reach the bank's staff console");
        var (replay, replayEvents) = await _hub.SubscribeAsync(bankToken, id);
        var replayed = await replayEvents.WaitForAsync(
            e => e.Count(x => x.Kind == EventKind.InjectDelivered) == 2, "the replay holds both deliveries");

        var scripted = Scenario().FindInject("i1-alert")!;
        foreach (var events in new[] { seen, replayed })
        {
            var first = Pushed(events, "i1-alert");
            Assert.Equal(scripted.Title, first.Title);
            Assert.Equal(scripted.Body, first.Body);
            Assert.Equal(scripted.Choices, first.Choices);
            AssertNoAnswerKey(first);

            var second = Pushed(events, adHoc.Inject.Id);
            Assert.Equal("Call from the regulator", second.Title.En);
            Assert.Equal(Channel.Phone, second.Channel);
            Assert.Equal(["yes"], second.Choices.Select(c => c.Id));
            Assert.Equal(TimeSpan.FromHours(1), second.ResponseWindow);
            AssertNoAnswerKey(second);
        }

        Assert.All(seen.Where(e => e.Kind != EventKind.InjectDelivered), e => Assert.Null(e.Inject));
        await live.DisposeAsync();
        await replay.DisposeAsync();
    }

    private static Inject Pushed(IEnumerable<LiveEvent> events, string injectId) =>
        Assert.Single(events, e => e.Kind == EventKind.InjectDelivered && e.InjectId == injectId).Inject
        ?? throw new Xunit.Sdk.XunitException($"The delivery of {injectId} came without its inject.");

    /// <summary>No answer key and no other recipients reach a participant.</summary>
    private static void AssertNoAnswerKey(Inject inject)
    {
        Assert.Null(inject.ExpectedAction);
        Assert.Empty(inject.Objectives);
        Assert.Equal(["bank"], inject.Recipients.Organizations);
        Assert.Empty(inject.Recipients.Sectors);
        Assert.False(inject.Recipients.Everyone);
    }

    private Scenario Scenario() =>
        server.Factory.Services.GetRequiredService<ScenarioLibraryState>().Find(TestScenario.Id)!.Scenario;
}
