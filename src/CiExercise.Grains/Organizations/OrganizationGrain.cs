using CiExercise.Contracts;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Idempotency;
using CiExercise.Contracts.Ports;
using CiExercise.Contracts.Scenarios;
using CiExercise.Grains.Scenarios;
using Microsoft.Extensions.Logging;

namespace CiExercise.Grains.Organizations;

/// <summary>
/// One organization in one exercise. Rebuilt from its own stream of the log on activation; every action
/// is checked here (acting as this organization, in a role it has, on what reached that role) and is
/// answered only once its row is committed.
/// </summary>
public sealed partial class OrganizationGrain(
    IEventLog log,
    ExerciseScenarios scenarios,
    TimeProvider time,
    ILogger<OrganizationGrain> logger) : Grain, IOrganizationGrain
{
    private const int MaxTextLength = Limits.TextLength;
    private const int MaxSubjectLength = Limits.SubjectLength;

    private string _exerciseId = "";
    private string _organizationId = "";
    private Scenario? _scenario;
    private Organization? _organization;
    // Whether the timeline watches the record (conditions, services): only then is it told of each append.
    private bool _hasDynamics;
    private OrganizationState _state = new();
    // Non-null while a reload reads the log: the notices that arrived meanwhile.
    private List<Action<OrganizationState>>? _arrivedDuringReload;

    private IExerciseGrain Exercise => GrainFactory.GetGrain<IExerciseGrain>(_exerciseId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_exerciseId, _organizationId) = OrganizationKey.Parse(this.GetPrimaryKeyString());
        _scenario = await scenarios.FindAsync(_exerciseId, cancellationToken);
        if (_scenario is null) return;
        _organization = _scenario.FindOrganization(_organizationId);
        _hasDynamics = _scenario.HasDynamics;
        if (_organization is not null) await Reload(cancellationToken);
    }

    public Task Delivered(IReadOnlyList<ExerciseEvent> deliveries) =>
        Arrived(state =>
        {
            foreach (var e in deliveries) state.Apply(e);
        });

    public Task MessageArrived(MessageItem message) => Arrived(state => state.Add(message));

    /// <summary>
    /// Applies a notice (they interleave with any turn). During a reload it is kept too and applied again to the
    /// reloaded state: the row may have been committed after the log was read, and the state read replaces this one.
    /// </summary>
    private Task Arrived(Action<OrganizationState> apply)
    {
        apply(_state);
        _arrivedDuringReload?.Add(apply);
        return Task.CompletedTask;
    }

    public Task<OrganizationView> GetView()
    {
        EnsureExists();
        return Task.FromResult(_state.ToView(_exerciseId, _organizationId, FormOf));
    }

    /// <summary>The report form a scripted inject asks for (ad-hoc injects have none).</summary>
    private ReportForm? FormOf(string injectId) => _scenario?.FindInject(injectId)?.Form;

    public async Task<ActionReceipt> Acknowledge(Actor actor, string injectId, string? clientActionId)
    {
        var key = new ActionKey(clientActionId, ClientActionId.Fingerprint(nameof(Acknowledge), injectId));
        if (Replayed(key) is { } replayed) return replayed;
        var (entry, clock) = await Delivery(actor, injectId);
        // The first acknowledgement is the one that counts; later ones are answered with it.
        if (entry.Acknowledgement is { } first) return first with { Duplicate = true };
        var (now, scenario) = Now(clock);
        return await Record(InPlay(clock), Acknowledgement(actor, entry, now, scenario, key));
    }

    public async Task<ActionReceipt> Decide(
        Actor actor, string injectId, string? choiceId, string? text, SeverityRating? severity, string? clientActionId)
    {
        // Severity joins the fingerprint only when given, so keys recorded before it existed still match their resends.
        var key = new ActionKey(clientActionId, severity is null
            ? ClientActionId.Fingerprint(nameof(Decide), injectId, choiceId, text)
            : ClientActionId.Fingerprint(nameof(Decide), injectId, choiceId, text, severity));
        if (Replayed(key) is { } replayed) return replayed;
        var (entry, clock) = await Delivery(actor, injectId);
        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (choiceId is null && text is null)
            throw Rules.Invalid("decision.empty", "A decision needs a choice, a text, or both.");
        if (choiceId is not null && !entry.ChoiceIds.Contains(choiceId))
            throw Rules.Invalid("decision.unknown-choice",
                entry.ChoiceIds.Count == 0 ? $"Inject '{injectId}' offers no choices; answer with a text."
                : $"Inject '{injectId}' has no choice '{choiceId}'; its choices are {string.Join(", ", entry.ChoiceIds)}.");
        CheckLength(text, MaxTextLength, "text");
        CheckSeverity(injectId, severity);
        return await Answer(actor, entry, clock, key, EventKind.DecisionRecorded,
            new ParticipantActionPayload(choiceId, text, ClientActionId: key.Id, Fingerprint: key.Stored, Severity: severity));
    }

    /// <summary>
    /// Records an answer to a delivered inject (a decision, a report). Answering shows the inject was seen: the first
    /// answer acknowledges it if nobody had. A resend the log already had is answered with the key's first receipt.
    /// </summary>
    private async Task<ActionReceipt> Answer<T>(Actor actor, InboxEntry entry, ClockSnapshot clock, ActionKey key, EventKind kind, T payload)
    {
        var (now, scenario) = Now(clock);
        var events = new List<NewEvent>();
        if (entry.Acknowledgement is null)
            events.Add(Acknowledgement(actor, entry, now, scenario, key: null));
        events.Add(new NewEvent(kind, now, scenario, _organizationId, actor, entry.InjectId, entry.DeliveredSeq,
            ScenarioJson.Serialize(payload), ClientDedupeKey(key.Id)));
        var receipt = await Record(InPlay(clock), [.. events]);
        return receipt.Duplicate ? await ReplayedFromLog(key) ?? receipt : receipt;
    }

    /// <summary>A severity rating goes with a decision on an inject that asks for one (scripted only), and only there.</summary>
    private void CheckSeverity(string injectId, SeverityRating? severity)
    {
        var asks = _scenario!.FindInject(injectId)?.Severity is not null;
        if (asks && severity is null)
            throw Rules.Invalid("decision.severity-required",
                $"Inject '{injectId}' asks for a severity rating: give continuity, safety and trust, each 0 to {SeverityRating.MaxLevel}.");
        if (!asks && severity is not null)
            throw Rules.Invalid("decision.severity-not-asked", $"Inject '{injectId}' does not ask for a severity rating; decide without one.");
        if (severity is { IsValid: false })
            throw Rules.Invalid("decision.severity-invalid",
                $"Severity is continuity {severity.Continuity}, safety {severity.Safety}, trust {severity.Trust}; each is 0 to {SeverityRating.MaxLevel}.");
    }

    public async Task<ActionReceipt> SendMessage(Actor actor, OutgoingMessage message, string? clientActionId)
    {
        var key = new ActionKey(clientActionId, ClientActionId.Fingerprint(nameof(SendMessage), message));
        if (Replayed(key) is { } replayed) return replayed;
        CheckActor(actor, controllerAs: true);
        var to = message.To.Distinct().ToArray();
        if (to.Length == 0) throw Rules.Invalid("message.no-recipients", "A message needs at least one recipient organization.");
        if (to.Contains(_organizationId)) throw Rules.Invalid("message.to-self", "An organization cannot send a message to itself.");
        var unknown = to.FirstOrDefault(o => _scenario!.FindOrganization(o) is null);
        if (unknown is not null) throw Rules.NotFound("organization.not-found", $"The exercise has no organization '{unknown}'.");
        if (string.IsNullOrWhiteSpace(message.Subject)) throw Rules.Invalid("message.subject-required", "A message needs a subject.");
        if (string.IsNullOrWhiteSpace(message.Body)) throw Rules.Invalid("message.body-required", "A message needs a body.");
        CheckLength(message.Subject, MaxSubjectLength, "subject");
        CheckLength(message.Body, MaxTextLength, "body");
        if (message.RegardingInjectId is { } regarding && _state.Find(regarding) is null)
            throw Rules.NotFound("inject.not-delivered", $"Inject '{regarding}' has not been delivered to {_organizationId}.");
        if (message.ForwardedFromSeq is { } forwarded && !_state.CanForward(forwarded))
            throw Rules.NotFound("message.forward-unknown", $"Event {forwarded} is not something {_organizationId} received, so it cannot be forwarded.");
        var clock = await Playable();
        var (now, scenario) = Now(clock);
        // Forwarding a report (or a message that carries one) carries its answers on, so each stage of the chain reads them.
        var report = message.ForwardedFromSeq is { } from ? _state.ReportForwardedBy(from) : null;
        var payload = ScenarioJson.Serialize(new MessagePayload(Guid.NewGuid().ToString("N"), _organizationId, to,
            message.Subject.Trim(), message.Body.Trim(), message.RegardingInjectId, key.Id, key.Stored, report));
        var events = new List<NewEvent>
        {
            new(EventKind.MessageSent, now, scenario, _organizationId, actor, message.RegardingInjectId, message.ForwardedFromSeq,
                payload, ClientDedupeKey(clientActionId)),
        };
        events.AddRange(to.Select(recipient => new NewEvent(EventKind.MessageReceived, now, scenario, recipient, actor,
            message.RegardingInjectId, message.ForwardedFromSeq, payload,
            clientActionId is null ? null : $"{ClientDedupeKey(clientActionId)}:{recipient}")));
        var results = await AppendInPlay(events, InPlay(clock));
        EngineMetrics.Count(events, results);
        if (results[0].Duplicate) return await ReplayedFromLog(key) ?? new ActionReceipt(results[0].Seq, now, scenario, true);
        TellTimeline(results);
        // Only the sent row is this organization's; the received rows belong to the recipients' streams (a rebuild
        // from the log would not have them here, and the review's replay must show what the console showed).
        _state.Apply(events[0].Recorded(_exerciseId, results[0].Seq));
        await Task.WhenAll(to.Select((recipient, i) => Tell(recipient, events[i + 1].Recorded(_exerciseId, results[i + 1].Seq))));
        logger.LogDebug("Exercise {ExerciseId}: {OrgId} sent a message to {Recipients}", _exerciseId, _organizationId, to);
        return new ActionReceipt(results[0].Seq, now, scenario, false);
    }

    /// <summary>
    /// Tells the timeline, one-way, that rows up to these are durable, when it watches the record: it reads on from its
    /// cursor and judges conditions and services there. Without dynamics nothing is sent (a national exercise's bursts).
    /// </summary>
    private void TellTimeline(IReadOnlyList<AppendResult> results)
    {
        if (_hasDynamics && results.Any(r => !r.Duplicate)) Exercise.Recorded(results.Max(r => r.Seq)).Ignore();
    }

    private async Task Tell(string recipient, ExerciseEvent received)
    {
        try
        {
            var item = OrganizationState.ToItem(received, ScenarioJson.Deserialize<MessagePayload>(received.Payload));
            await GrainFactory.GetGrain<IOrganizationGrain>(OrganizationKey.Of(_exerciseId, recipient)).MessageArrived(item);
        }
        catch (Exception ex)
        {
            // The row is durable; the recipient reads it from the log when it next activates or reloads.
            logger.LogWarning(ex, "Exercise {ExerciseId}: {OrgId} was not told of message {Seq}", _exerciseId, recipient, received.Seq);
        }
    }

    /// <summary>An acknowledgement row; implicit (recorded because of a decision) when it has no key of its own.</summary>
    private NewEvent Acknowledgement(Actor actor, InboxEntry entry, DateTimeOffset now, TimeSpan scenario, ActionKey? key) =>
        new(EventKind.InjectAcknowledged, now, scenario, _organizationId, actor, entry.InjectId, entry.DeliveredSeq,
            ScenarioJson.Serialize(new ParticipantActionPayload(Implicit: key is null, ClientActionId: key?.Id, Fingerprint: key?.Stored)),
            $"ack:{entry.InjectId}:{_organizationId}");

    /// <summary>
    /// Appends, applies, and answers with the receipt of the last event (the action itself). With a play
    /// condition, the log orders the events only if the exercise is still in play at that moment.
    /// </summary>
    private async Task<ActionReceipt> Record(AppendCondition? inPlay, params NewEvent[] events)
    {
        var results = inPlay is null ? await log.AppendAsync(_exerciseId, events) : await AppendInPlay(events, inPlay);
        EngineMetrics.Count(events, results, injectId => _state.Find(injectId)?.DeliveredAt);
        for (var i = 0; i < events.Length; i++)
            if (!results[i].Duplicate) _state.Apply(events[i].Recorded(_exerciseId, results[i].Seq));
        TellTimeline(results);
        var last = events[^1];
        logger.LogDebug("Exercise {ExerciseId}: {OrgId} {EventKind} on {InjectId} by {ActorId}",
            _exerciseId, _organizationId, last.Kind, last.InjectId, last.Actor.Id);
        return new ActionReceipt(results[^1].Seq, last.WallTime, last.ScenarioTime, results[^1].Duplicate);
    }

    /// <summary>The delivery an action is about, after checking who acts and that play is allowed.</summary>
    private async Task<(InboxEntry Entry, ClockSnapshot Clock)> Delivery(Actor actor, string injectId)
    {
        CheckActor(actor);
        var entry = _state.Find(injectId);
        if (entry is null)
        {
            // A notification may have been lost with a node; the log is the record, so read it again.
            await Reload(CancellationToken.None);
            entry = _state.Find(injectId)
                    ?? throw Rules.NotFound("inject.not-delivered", $"Inject '{injectId}' has not been delivered to {_organizationId}.");
        }
        if (!entry.IsFor(actor.Role))
            throw Rules.NotFound("inject.not-delivered", $"Inject '{injectId}' was delivered to {_organizationId} for {string.Join(", ", entry.Roles)}, not for {actor.Role}.");
        return (entry, await Playable());
    }

    /// <summary>The actor may act as this organization (OrganizationVoice); controllerAs: a controller may, for a simulated one.</summary>
    private void CheckActor(Actor actor, bool controllerAs = false)
    {
        EnsureExists();
        if (scenarios.IsReadOnly(_exerciseId))
            throw Rules.Conflict("exercise.read-only", $"Exercise '{_exerciseId}' was imported from another server's export: it is a record to review and takes no actions.");
        OrganizationVoice.Check(_organization!, actor, controllerAs);
    }

    /// <summary>
    /// The exercise clock, once it is known that play is allowed (one call to the exercise per action). The
    /// answer may be stale by the time of the append (a halt can be ordered in between), so the append
    /// carries it as a condition the log checks where the events are ordered: see AppendInPlay.
    /// </summary>
    private async Task<ClockSnapshot> Playable()
    {
        var clock = await Exercise.GetClock();
        if (clock.Status is not (ExerciseStatus.Running or ExerciseStatus.Paused)) throw NotInPlay(clock.Status);
        return clock;
    }

    private static AppendCondition InPlay(ClockSnapshot clock) => new(clock.AsOfSeq);

    /// <summary>Appends only if the exercise is still in play where the events are ordered; refused, nothing is recorded.</summary>
    private async Task<IReadOnlyList<AppendResult>> AppendInPlay(IReadOnlyList<NewEvent> events, AppendCondition inPlay)
    {
        try
        {
            return await log.AppendAsync(_exerciseId, events, inPlay);
        }
        catch (AppendRefusedException refused)
        {
            throw NotInPlay(refused.StoppedBy == EventKind.RealWorldHaltDeclared ? ExerciseStatus.Halted : ExerciseStatus.Ended);
        }
    }

    private static ExerciseRuleException NotInPlay(ExerciseStatus status) =>
        Rules.Conflict("exercise.not-in-play", status == ExerciseStatus.Halted
            ? "Play is stopped by a real-world halt."
            : $"The exercise is {status.ToString().ToLowerInvariant()}; participants act only while it is running or paused.");

    private (DateTimeOffset Wall, TimeSpan Scenario) Now(ClockSnapshot clock)
    {
        var now = time.GetUtcNow();
        return (now, clock.ScenarioAt(now));
    }

    private void EnsureExists()
    {
        if (_organization is null)
        {
            // As the exercise grain does: an exercise imported under this id later is read afresh.
            if (_scenario is null) DeactivateOnIdle();
            throw _scenario is null
                ? Rules.NotFound("exercise.not-found", $"There is no exercise '{_exerciseId}'.")
                : Rules.NotFound("organization.not-found", $"Exercise '{_exerciseId}' has no organization '{_organizationId}'.");
        }
    }

    private ActionReceipt? Replayed(ActionKey key) => key.Id is null ? null : _state.FindClientAction(key.Id, key.Fingerprint);

    /// <summary>
    /// After the log answered that the key's row exists (another activation recorded it, or a reload had not
    /// seen it yet): the organization's stream read again, and the receipt of that row.
    /// </summary>
    private async Task<ActionReceipt?> ReplayedFromLog(ActionKey key)
    {
        if (key.Id is null) return null;
        await Reload(CancellationToken.None);
        return Replayed(key);
    }

    private string? ClientDedupeKey(string? clientActionId) =>
        clientActionId is null ? null : $"action:{_organizationId}:{clientActionId}";

    private static void CheckLength(string? text, int max, string field)
    {
        if (text is not null && text.Length > max)
            throw Rules.Invalid("text.too-long", $"The {field} is {text.Length} characters long; at most {max} are kept.");
    }

    /// <summary>Rebuilds the state from the log, keeping what arrived while it was read (see Arrived).</summary>
    private async Task Reload(CancellationToken cancellationToken)
    {
        var arrived = new List<Action<OrganizationState>>();
        var outer = _arrivedDuringReload;
        _arrivedDuringReload = arrived;
        try
        {
            var state = new OrganizationState();
            foreach (var e in await log.ReadOrganizationAsync(_exerciseId, _organizationId, cancellationToken)) state.Apply(e);
            // Folding is idempotent, so a notice the read already holds changes nothing.
            foreach (var apply in arrived) apply(state);
            _state = state;
        }
        finally
        {
            // A reload that overlapped an outer one hands what it saw on, so the outer one keeps it too.
            outer?.AddRange(arrived);
            _arrivedDuringReload = outer;
        }
    }

}
