using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using static CiExercise.Grains.Tests.VoicesScenario;

namespace CiExercise.Grains.Tests;

/// <summary>
/// The control cell plays the simulated organizations: a controller replies, forwards and sends as one, recorded
/// with both the controller and the organization; it cannot speak for an organization participants play, and
/// participants cannot act for one the control cell plays.
/// </summary>
[Collection(nameof(TwoSilos))]
public sealed class SimulatedOrganizationTests(TwoSiloFixture fixture)
{
    private EngineCluster Engine => fixture.Engine;

    [Fact]
    public async Task A_controller_replies_as_a_simulated_ministry_and_the_record_keeps_both()
    {
        var (_, id) = await StartedAsync(Engine);
        var bank = Organization(Engine, id, "bank");
        var fsa = Organization(Engine, id, "fsa");
        await bank.SendMessage(BankCiso, new OutgoingMessage(["fsa"], "First report", "Our card systems are down", FormInject, null), null);
        var received = (await fsa.GetView()).Received.Single();

        var reply = await fsa.SendMessage(AsFsa, new OutgoingMessage(["bank"], "Re: First report", "Report again within the hour", null,
            received.Seq), "reply-1");

        var answer = (await bank.GetView()).Received.Single();
        Assert.Equal(("fsa", "director", received.Seq), (answer.FromOrganizationId, answer.SentBy, answer.ForwardedFromSeq));
        var rows = (await Engine.ReadAllAsync(id)).Where(e => e.Seq >= reply.Seq && e.Kind is EventKind.MessageSent or EventKind.MessageReceived).ToArray();
        Assert.Equal([("fsa", EventKind.MessageSent), ("bank", EventKind.MessageReceived)], rows.Select(e => (e.OrganizationId!, e.Kind)));
        Assert.All(rows, e => Assert.Equal(AsFsa, e.Actor));
        Assert.True(rows[0].Actor.IsControllerAs);
        var again = await fsa.SendMessage(AsFsa, new OutgoingMessage(["bank"], "Re: First report", "Report again within the hour", null,
            received.Seq), "reply-1");
        Assert.Equal((reply.Seq, true), (again.Seq, again.Duplicate));
    }

    [Fact]
    public async Task Each_refusal_has_its_code_and_records_nothing()
    {
        var (_, id) = await StartedAsync(Engine);
        var before = (await Engine.ReadAllAsync(id)).Count;
        var message = new OutgoingMessage(["telco"], "Notice", "Patch now", null, null);

        await Refused("organization.not-simulated", () => Organization(Engine, id, "bank").SendMessage(Actor.ControllerAs("director", "bank"), message, null));
        await Refused("organization.simulated", () => Organization(Engine, id, "fsa").SendMessage(new Actor("Kato", "staff", "fsa"), message, null));
        await Refused("actor.controller-as", () => Organization(Engine, id, "meti").Acknowledge(Actor.ControllerAs("director", "meti"), "i05", null));
        await Refused("actor.wrong-organization", () => Organization(Engine, id, "fsa").SendMessage(Actor.ControllerAs("director", "meti"), message, null));

        Assert.Equal(before, (await Engine.ReadAllAsync(id)).Count);
    }

    internal static async Task Refused(string code, Func<Task> action)
    {
        var refused = await Assert.ThrowsAsync<ExerciseRuleException>(action);
        Assert.Equal(code, refused.Code);
    }
}
