using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Grains.Tests;

namespace CiExercise.Review.Tests;

/// <summary>
/// The review scenario played through the engine on fake time, minute by minute (w: wall minutes after the start,
/// s: scenario minutes; a pause from w16 to w20 makes them differ by four minutes from then on):
/// <code>
/// w0  s0   start; i1 (incident, escalation, window 30) reaches telco
/// w2  s2   telco staff acknowledges i1
/// w5  s5   telco staff reports i1 to mic (regarding i1)
/// w7  s7   telco ciso decides i1: isolate
/// w10 s10  i2 (window 20) reaches bank and power
/// w12 s12  mic forwards telco's report to nc (no inject named: it travels by the forward)
/// w13 s13  bank staff acknowledges i2
/// w15 s15  bank executive decides i2
/// w16 s16  pause ... w20 s16 resume
/// w22 s18  power executive acknowledges i2 (and never decides)
/// w24 s20  nc forwards the report to bank
/// w44 s40  end
/// </code>
/// At each step the organizations' live views (OrganizationGrain.GetView) are kept with the log's last seq then.
/// </summary>
internal sealed class ScriptedExercise
{
    public static readonly Actor Control = Actor.Controller("director");

    private readonly ControlledEngine _engine;

    private ScriptedExercise(ControlledEngine engine, string id)
    {
        _engine = engine;
        Id = id;
    }

    public string Id { get; }

    public DateTimeOffset Start { get; private set; }

    /// <summary>The row each organization received the report in, by organization.</summary>
    public Dictionary<string, long> ReportReceived { get; } = [];

    /// <summary>Live views as the grains showed them, with the log's last seq at that moment.</summary>
    public List<(long Seq, OrganizationView View)> Live { get; } = [];

    private IExerciseGrain Exercise => _engine.Engine.Grains.GetGrain<IExerciseGrain>(Id);

    private IOrganizationGrain Organization(string id) => _engine.Engine.Grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(Id, id));

    public static async Task<ScriptedExercise> RunAsync(ControlledEngine engine)
    {
        var run = new ScriptedExercise(engine, "rv-" + Guid.NewGuid().ToString("N")[..10]);
        await run.PlayAsync();
        return run;
    }

    private async Task PlayAsync()
    {
        await Exercise.Create("Review drill", ReviewScenario.Create(), Control);
        Start = _engine.Time.GetUtcNow();
        await Exercise.Start(Control);
        await Snapshot("telco");

        await At(2);
        await Organization("telco").Acknowledge(Staff("telco"), "i1", null);
        await At(5);
        await Organization("telco").SendMessage(Staff("telco"), new OutgoingMessage(["mic"], "Incident report", "Core routers compromised", "i1", null), null);
        await Snapshot("telco", "mic");
        await At(7);
        await Organization("telco").Decide(new Actor("suzuki", "ciso", "telco"), "i1", "isolate", null, null, null);
        await At(10);
        await Exercise.FireDue();
        await Snapshot("telco", "bank", "power");
        await At(12);
        ReportReceived["mic"] = (await Organization("mic").GetView()).Received.Single().Seq;
        await Organization("mic").SendMessage(Staff("mic"), new OutgoingMessage(["nc"], "Fwd: incident", "From telco", null, ReportReceived["mic"]), null);
        await At(13);
        await Organization("bank").Acknowledge(Staff("bank"), "i2", null);
        await At(15);
        await Organization("bank").Decide(Executive("bank"), "i2", null, "Checked: no outage", null, null);
        await Snapshot("bank", "power", "nc", "mic");
        await At(16);
        await Exercise.Pause(Control);
        await At(20);
        await Exercise.Resume(Control);
        await At(22);
        await Organization("power").Acknowledge(Executive("power"), "i2", null);
        await At(24);
        ReportReceived["nc"] = (await Organization("nc").GetView()).Received.Single().Seq;
        await Organization("nc").SendMessage(Staff("nc"), new OutgoingMessage(["bank"], "Fwd: incident", "For finance", null, ReportReceived["nc"]), null);
        ReportReceived["bank"] = (await Organization("bank").GetView()).Received.Single().Seq;
        await Snapshot("telco", "bank", "power", "nc", "mic", "telco-isac");
        await At(44);
        await Exercise.End(Control);
        await Snapshot("telco", "bank", "power", "nc", "mic", "telco-isac");
    }

    public static Actor Staff(string organization) => new("sato-" + organization, "staff", organization);

    public static Actor Executive(string organization) => new("tanaka-" + organization, "executive", organization);

    private Task At(int wallMinutes)
    {
        _engine.Time.SetUtcNow(Start + TimeSpan.FromMinutes(wallMinutes));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Keeps each organization's live view with the log's last seq. Deliveries and messages reach an organization
    /// grain by notices that may still be on their way; its view is taken once it holds every row of its stream.
    /// </summary>
    private async Task Snapshot(params string[] organizations)
    {
        var seq = await _engine.Log.ReadLastSeqAsync(Id);
        foreach (var organization in organizations)
        {
            var rows = (await _engine.Log.ReadOrganizationAsync(Id, organization))
                .Count(e => e.Kind is EventKind.InjectDelivered or EventKind.MessageReceived or EventKind.MessageSent);
            var view = await Eventually.Until(Organization(organization).GetView,
                v => v.Inbox.Count + v.Received.Count + v.Sent.Count == rows, $"{organization}'s grain to hold its {rows} rows");
            Live.Add((seq, view));
        }
    }
}
