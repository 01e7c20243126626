using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Tests;

/// <summary>
/// One exercise of a dynamics scenario on the controlled engine, at speed 1: moves the fake clock to a scenario time
/// firing each wake-up on the way as Quartz would, lets participants act, and waits until the timeline has read the
/// record past a row (its services board's AsOfSeq) and finished the turn that read it.
/// </summary>
internal sealed class DynamicsDriver(ControlledEngine fixture, string id, Scenario scenario)
{
    public static readonly Actor Control = Actor.Controller("director");

    public string Id => id;

    public Scenario Scenario => scenario;

    public IExerciseGrain Grain => fixture.Engine.Grains.GetGrain<IExerciseGrain>(id);

    public static async Task<DynamicsDriver> StartAsync(ControlledEngine fixture, Scenario scenario)
    {
        var driver = new DynamicsDriver(fixture, "ex-" + Guid.NewGuid().ToString("N")[..10], scenario);
        await driver.Grain.Create("Dynamics", scenario, Control);
        await driver.Grain.Start(Control);
        return driver;
    }

    public static Actor Participant(string organization) => organization switch
    {
        "bank" or "card" => new Actor($"{organization}-ciso", "ciso", organization),
        _ => new Actor($"{organization}-staff", "staff", organization),
    };

    public IOrganizationGrain Organization(string organization) =>
        fixture.Engine.Grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(id, organization));

    public async Task<ActionReceipt> Decide(string organization, string injectId, string? choice, SeverityRating? severity = null)
    {
        // An inject that asks for a severity rating gets a low one unless the test gives its own.
        severity ??= scenario.FindInject(injectId)?.Severity is null ? null : new SeverityRating(1, 1, 1);
        var receipt = await Organization(organization).Decide(Participant(organization), injectId, choice, choice is null ? "noted" : null, severity, null);
        await Settled(receipt.Seq);
        return receipt;
    }

    public async Task<ActionReceipt> Acknowledge(string organization, string injectId)
    {
        var receipt = await Organization(organization).Acknowledge(Participant(organization), injectId, null);
        await Settled(receipt.Seq);
        return receipt;
    }

    public async Task<ActionReceipt> Message(string from, string to, string? regarding = null)
    {
        var receipt = await Organization(from).SendMessage(Participant(from), new OutgoingMessage([to], "Report", "What we know", regarding, null), null);
        await Settled(receipt.Seq);
        return receipt;
    }

    /// <summary>Waits until the timeline has folded row <paramref name="seq"/> and finished acting on it (GetView waits for that turn).</summary>
    public async Task<ExerciseView> Settled(long seq)
    {
        await Eventually.Until(Grain.GetServices, board => board.AsOfSeq >= seq, $"the timeline to read row {seq}");
        return await Grain.GetView();
    }

    public async Task<InjectState> Inject(string injectId) => (await Grain.GetView()).Injects.Single(i => i.Inject.Id == injectId);

    public Task<InjectState> Until(string injectId, InjectStatus status) =>
        Eventually.Until(() => Inject(injectId), i => i.Status == status, $"{injectId} to be {status}");

    /// <summary>Moves the fake clock to scenario time <paramref name="to"/>, firing every wake-up that falls due on the way.</summary>
    public async Task RunTo(TimeSpan to)
    {
        var view = await Grain.GetView();
        var target = fixture.Time.GetUtcNow() + (to - view.Clock.ScenarioElapsed);
        while (true)
        {
            var now = fixture.Time.GetUtcNow();
            var due = fixture.Wakeups.DueAt(id);
            var step = due is { } at && at <= target ? at : target;
            if (step > now) fixture.Time.Advance(step - now);
            await fixture.Wakeups.FireIfDueAsync(fixture.Engine.Grains, id, fixture.Time.GetUtcNow());
            if (step == target && (fixture.Wakeups.DueAt(id) is not { } next || next > target)) break;
        }
        await Grain.GetView();
    }

    public async Task<IReadOnlyList<ExerciseEvent>> Events(EventKind kind) =>
        (await fixture.Engine.ReadAllAsync(id)).Where(e => e.Kind == kind).ToArray();
}
