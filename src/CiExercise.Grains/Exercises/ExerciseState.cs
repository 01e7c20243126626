using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Grains.Clock;
using CiExercise.Grains.CommunicationChecks;

namespace CiExercise.Grains.Exercises;

/// <summary>
/// An exercise as its exercise-level events say it is: a fold over the log, used both to rebuild the
/// grain on activation and to apply each new event once it is durable, so the two cannot disagree.
/// </summary>
internal sealed class ExerciseState(string id, string name, Scenario scenario)
{
    private readonly Dictionary<string, FiredInject> _fired = [];
    private readonly List<Inject> _adHoc = [];
    // Scripted injects not fired yet, by due time: every inject that waits for no condition, at its At, and each
    // held inject once released, at its DueAt. Fired and cancelled ones are taken out.
    private readonly List<PendingInject> _pending =
        [.. scenario.Injects.Where(i => i.Hold?.When is null).Select(i => new PendingInject(i, i.At)).Order()];
    // What became of conditional injects: released (due when) or cancelled.
    private readonly Dictionary<string, HoldOutcome> _holds = [];
    // The injects of the view change only when one fires or is added, not with every reader: thousands of
    // consoles read the view at STARTEX, and resolving recipients over 850 organizations for each is the
    // work that held the timeline up.
    private InjectState[]? _injectStates;

    public string Id { get; } = id;
    public string Name { get; } = name;
    public Scenario Scenario { get; } = scenario;
    public ExerciseClock Clock { get; } = new();
    public CheckFold Checks { get; } = new();
    public KeyedActions Keys { get; } = new();
    public ExerciseStatus Status { get; private set; } = ExerciseStatus.Draft;
    public ExerciseStatus StatusBeforeHalt { get; private set; } = ExerciseStatus.Draft;
    public string? HaltReason { get; private set; }
    public long LastSeq { get; private set; }

    /// <summary>Whether the exercise was ever started (a halt declared in draft does not start it).</summary>
    public bool HasStarted => Status != ExerciseStatus.Draft && !(Status == ExerciseStatus.Halted && StatusBeforeHalt == ExerciseStatus.Draft);

    public IEnumerable<Inject> AllInjects => Scenario.Injects.Concat(_adHoc);

    public int AdHocCount => _adHoc.Count;

    public bool IsFired(string injectId) => _fired.ContainsKey(injectId);

    /// <summary>Scripted injects due to fire (held ones once released), by due time.</summary>
    public IReadOnlyList<PendingInject> Pending => _pending;

    /// <summary>The scenario time a pending inject is due at (a released one's DueAt), or null when it is not pending.</summary>
    public TimeSpan? DueAt(string injectId) => _pending.FirstOrDefault(p => p.Inject.Id == injectId)?.DueAt;

    /// <summary>A conditional inject's release or cancellation, or null while it waits (or has no conditions).</summary>
    public HoldOutcome? HoldOf(string injectId) => _holds.GetValueOrDefault(injectId);

    /// <summary>Where an inject stands: fired, cancelled, released, held (waiting for its condition) or pending.</summary>
    public InjectStatus StatusOf(Inject inject) =>
        IsFired(inject.Id) ? InjectStatus.Fired
        : HoldOf(inject.Id) is { } outcome ? outcome.Status
        : inject.Hold?.When is not null ? InjectStatus.Held
        : InjectStatus.Pending;

    public Inject? FindInject(string injectId) => AllInjects.FirstOrDefault(i => i.Id == injectId);

    public void Apply(ExerciseEvent e)
    {
        LastSeq = Math.Max(LastSeq, e.Seq);
        RememberKey(e);
        switch (e.Kind)
        {
            case EventKind.ExerciseStarted:
                Clock.SetSpeed(e.WallTime, Payload<ClockPayload>(e).Speed);
                Clock.Start(e.WallTime);
                Status = ExerciseStatus.Running;
                break;
            case EventKind.ExercisePaused:
                Clock.Pause(e.WallTime);
                Status = ExerciseStatus.Paused;
                break;
            case EventKind.ExerciseResumed:
                Clock.Resume(e.WallTime);
                Status = ExerciseStatus.Running;
                break;
            case EventKind.SpeedChanged:
                Clock.SetSpeed(e.WallTime, Payload<ClockPayload>(e).Speed);
                break;
            case EventKind.ClockJumped:
                Clock.JumpTo(e.WallTime, Payload<ClockPayload>(e).JumpedTo ?? TimeSpan.Zero);
                break;
            case EventKind.ExerciseEnded:
                if (Clock.Running) Clock.Pause(e.WallTime);
                Status = ExerciseStatus.Ended;
                break;
            case EventKind.RealWorldHaltDeclared:
                if (Clock.Running) Clock.Pause(e.WallTime);
                StatusBeforeHalt = Status == ExerciseStatus.Draft ? ExerciseStatus.Draft : ExerciseStatus.Paused;
                HaltReason = Payload<ClockPayload>(e).Reason;
                Status = ExerciseStatus.Halted;
                break;
            case EventKind.RealWorldHaltLifted:
                Status = StatusBeforeHalt;
                HaltReason = null;
                break;
            case EventKind.AdHocInjectAdded:
                _adHoc.Add(Payload<AdHocInjectAddedPayload>(e).Inject);
                _injectStates = null;
                break;
            case EventKind.CommunicationCheckStarted or EventKind.CommunicationCheckClosed:
                Checks.Apply(e);
                break;
            case EventKind.InjectFired:
                var fired = Payload<InjectFiredPayload>(e);
                _fired[e.InjectId!] = new FiredInject(e.Seq, e.WallTime, e.ScenarioTime, fired.Lateness, fired.Late, fired.Recipients);
                _pending.RemoveAll(p => p.Inject.Id == e.InjectId);
                _injectStates = null;
                break;
            case EventKind.InjectReleased:
                Release(e, Payload<InjectReleasedPayload>(e));
                break;
            case EventKind.InjectCancelled:
                Cancel(e, Payload<InjectCancelledPayload>(e));
                break;
        }
    }

    /// <summary>A release schedules the inject at its DueAt; a later one (a controller's "fire now") moves it. Not after it fired or was cancelled.</summary>
    private void Release(ExerciseEvent e, InjectReleasedPayload released)
    {
        var inject = Scenario.FindInject(e.InjectId!);
        if (inject is null || IsFired(inject.Id) || HoldOf(inject.Id)?.Status == InjectStatus.Cancelled) return;
        _holds[inject.Id] = new HoldOutcome(InjectStatus.Released, released.DueAt, released.Reason, e.Seq, released.TriggerSeq, released.Manual);
        _pending.RemoveAll(p => p.Inject.Id == inject.Id);
        var entry = new PendingInject(inject, released.DueAt);
        var at = _pending.FindIndex(p => p.CompareTo(entry) > 0);
        _pending.Insert(at < 0 ? _pending.Count : at, entry);
        _injectStates = null;
    }

    /// <summary>A cancelled inject never fires; a cancellation after it fired changes nothing.</summary>
    private void Cancel(ExerciseEvent e, InjectCancelledPayload cancelled)
    {
        if (e.InjectId is not { } id || IsFired(id) || HoldOf(id)?.Status == InjectStatus.Cancelled) return;
        _holds[id] = new HoldOutcome(InjectStatus.Cancelled, null, cancelled.Reason, e.Seq, cancelled.TriggerSeq, cancelled.Manual);
        _pending.RemoveAll(p => p.Inject.Id == id);
        _injectStates = null;
    }

    public ClockView ClockAt(DateTimeOffset now)
    {
        var scenarioNow = Clock.ScenarioAt(now);
        return new ClockView(now, scenarioNow, Scenario.StoryStart + scenarioNow, Clock.Speed, Clock.Running);
    }

    /// <param name="describeHold">The wait of each conditional inject as it stands now (null: the scenario has none).</param>
    public ExerciseView ToView(DateTimeOffset now, Func<Inject, HoldView>? describeHold = null)
    {
        var clock = ClockAt(now);
        var scenarioNow = clock.ScenarioElapsed;
        var phase = Scenario.Phases.LastOrDefault(p => p.Start <= scenarioNow && (p.End is null || scenarioNow < p.End));
        _injectStates ??= [.. AllInjects.Select(ToState).OrderBy(s => s.Inject.At).ThenBy(s => s.Inject.Id, StringComparer.Ordinal)];
        IReadOnlyList<InjectState> injects = describeHold is null
            ? _injectStates
            : [.. _injectStates.Select(s => s.Inject.Hold is null ? s : s with { Hold = describeHold(s.Inject) })];
        return new ExerciseView(Id, Name, Scenario.Id, Status, clock, phase?.Id, Pending.FirstOrDefault()?.DueAt,
            HaltReason, LastSeq, injects);
    }

    public InjectState ToState(Inject inject)
    {
        var adHoc = _adHoc.Any(i => i.Id == inject.Id);
        return _fired.TryGetValue(inject.Id, out var f)
            ? new InjectState(inject, adHoc, InjectStatus.Fired, f.Seq, f.At, f.AtScenario, f.Lateness, f.Late, f.Recipients)
            : new InjectState(inject, adHoc, StatusOf(inject), null, null, null, TimeSpan.Zero, false,
                Scenario.ResolveRecipients(inject.Recipients).Select(t => t.OrganizationId).ToArray());
    }

    /// <summary>The client's key of a controller's or evaluator's action, from the payloads that carry one.</summary>
    private void RememberKey(ExerciseEvent e)
    {
        var (key, fingerprint) = e.Kind switch
        {
            EventKind.ExerciseStarted or EventKind.ExercisePaused or EventKind.ExerciseResumed or EventKind.SpeedChanged
                or EventKind.ClockJumped or EventKind.ExerciseEnded or EventKind.RealWorldHaltDeclared
                or EventKind.RealWorldHaltLifted => Payload<ClockPayload>(e) is var c ? (c.ClientActionId, c.Fingerprint) : default,
            EventKind.AdHocInjectAdded => Payload<AdHocInjectAddedPayload>(e) is var a ? (a.ClientActionId, a.Fingerprint) : default,
            EventKind.ObservationRecorded => Payload<ObservationPayload>(e) is var o ? (o.ClientActionId, o.Fingerprint) : default,
            EventKind.TaskRated => Payload<TaskRatedPayload>(e) is var t ? (t.ClientActionId, t.Fingerprint) : default,
            EventKind.CommunicationCheckStarted =>
                Payload<CommunicationCheckStartedPayload>(e) is var s ? (s.ClientActionId, s.Fingerprint) : default,
            EventKind.FeedPosted => Payload<FeedPostedPayload>(e) is var f ? (f.ClientActionId, f.Fingerprint) : default,
            EventKind.CommunicationCheckClosed =>
                Payload<CommunicationCheckClosedPayload>(e) is var x ? (x.ClientActionId, x.Fingerprint) : default,
            EventKind.InjectReleased => Payload<InjectReleasedPayload>(e) is var r ? (r.ClientActionId, r.Fingerprint) : default,
            EventKind.InjectCancelled => Payload<InjectCancelledPayload>(e) is var n ? (n.ClientActionId, n.Fingerprint) : default,
            EventKind.ServiceChanged => Payload<ServiceChangedPayload>(e) is var v ? (v.ClientActionId, v.Fingerprint) : default,
            _ => default((string?, string?)),
        };
        Keys.Remember(e, key, fingerprint);
    }

    private static T Payload<T>(ExerciseEvent e) => ScenarioJson.Deserialize<T>(e.Payload);
}
