using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Organizations;

/// <summary>One organization's stream folded into what it received and did; see ExerciseState for why a fold.</summary>
internal sealed class OrganizationState
{
    private readonly Dictionary<string, InboxEntry> _inbox = [];
    private readonly Dictionary<long, MessageItem> _sent = [];
    private readonly Dictionary<long, MessageItem> _received = [];
    private readonly Dictionary<long, SubmittedReport> _reports = [];
    private readonly Dictionary<string, (string? Fingerprint, ActionReceipt Receipt)> _byClientActionId = [];
    private readonly HashSet<string> _joined = new(StringComparer.Ordinal);

    /// <summary>The communication checks that reached this organization and its answers.</summary>
    public CheckInbox Checks { get; } = new();

    public InboxEntry? Find(string injectId) => _inbox.GetValueOrDefault(injectId);

    /// <summary>
    /// The receipt of the action first recorded under the client's key, or null; refuses the key when it was used
    /// for an action with another fingerprint. Rows from before fingerprints were kept match any action.
    /// </summary>
    public ActionReceipt? FindClientAction(string clientActionId, string fingerprint)
    {
        if (!_byClientActionId.TryGetValue(clientActionId, out var first)) return null;
        if (first.Fingerprint is not null && first.Fingerprint != fingerprint) throw Rules.KeyReused(clientActionId);
        return first.Receipt;
    }

    /// <summary>Whether the person's ParticipantJoined row is recorded (it is written once per person).</summary>
    public bool HasJoined(string personId) => _joined.Contains(personId);

    /// <summary>Whether seq is a row of this organization's stream that can be passed on.</summary>
    public bool CanForward(long seq) => _received.ContainsKey(seq) || _reports.ContainsKey(seq) || _inbox.Values.Any(i => i.DeliveredSeq == seq);

    /// <summary>
    /// The report a message forwarding row <paramref name="seq"/> carries on: the organization's own report, or the
    /// report a message it received carries (so a report travels the whole reporting chain); null for anything else.
    /// </summary>
    public SubmittedReport? ReportForwardedBy(long seq) =>
        _reports.GetValueOrDefault(seq) ?? _received.GetValueOrDefault(seq)?.Report;

    public void Apply(ExerciseEvent e)
    {
        switch (e.Kind)
        {
            case EventKind.InjectDelivered when !_inbox.ContainsKey(e.InjectId!):
                var delivered = Payload<InjectDeliveredPayload>(e);
                _inbox[e.InjectId!] = new InboxEntry(e.InjectId!, e.Seq, delivered.Roles, e.WallTime, e.ScenarioTime,
                    delivered.Late, delivered.RespondBy, delivered.ChoiceIds);
                break;
            case EventKind.InjectAcknowledged when _inbox.TryGetValue(e.InjectId!, out var acknowledged):
                acknowledged.Acknowledgement ??= new ActionReceipt(e.Seq, e.WallTime, e.ScenarioTime, Duplicate: false);
                acknowledged.AcknowledgedBy ??= e.Actor.Id;
                Remember(e, Payload<ParticipantActionPayload>(e));
                break;
            case EventKind.DecisionRecorded when _inbox.TryGetValue(e.InjectId!, out var decided):
                if (!decided.DecisionSeqs.Contains(e.Seq)) decided.DecisionSeqs.Add(e.Seq);
                Remember(e, Payload<ParticipantActionPayload>(e));
                break;
            case EventKind.ReportSubmitted when _inbox.TryGetValue(e.InjectId!, out var reported):
                var report = Payload<ReportSubmittedPayload>(e);
                if (!reported.ReportSeqs.Contains(e.Seq)) reported.ReportSeqs.Add(e.Seq);
                _reports[e.Seq] = new SubmittedReport(e.Seq, e.InjectId!, e.OrganizationId!, e.Actor.Id, e.WallTime, e.ScenarioTime, report.Answers);
                if (reported.Report is null || reported.Report.Seq < e.Seq) reported.Report = _reports[e.Seq];
                Remember(e, report.ClientActionId, report.Fingerprint);
                break;
            case EventKind.MessageSent:
                var sent = Payload<MessagePayload>(e);
                _sent[e.Seq] = ToItem(e, sent);
                Remember(e, sent.ClientActionId, sent.Fingerprint);
                break;
            case EventKind.MessageReceived:
                _received[e.Seq] = ToItem(e, Payload<MessagePayload>(e));
                break;
            case EventKind.CommunicationCheckAcknowledged or EventKind.CommunicationCheckPassedOn:
                Checks.Apply(e);
                var answer = Payload<CommunicationCheckAnswerPayload>(e);
                Remember(e, answer.ClientActionId, answer.Fingerprint);
                break;
            case EventKind.CommunicationCheckReceived:
                Checks.Apply(e);
                break;
            case EventKind.ParticipantJoined:
                _joined.Add(e.Actor.Id);
                break;
            case EventKind.HotWashSubmitted:
                var hotWash = Payload<HotWashPayload>(e);
                Remember(e, hotWash.ClientActionId, hotWash.Fingerprint);
                break;
        }
    }

    public void Add(MessageItem received) => _received.TryAdd(received.Seq, received);

    /// <summary>
    /// What the organization's console shows. formOf gives an inject's report form (from the scenario), so that inbox
    /// entries and forwarded reports can be read against their fields; without it views carry no forms.
    /// </summary>
    public OrganizationView ToView(string exerciseId, string organizationId, Func<string, ReportForm?>? formOf = null) => new(
        exerciseId,
        organizationId,
        _inbox.Values.OrderBy(i => i.DeliveredSeq).Select(i => new InboxItem(i.InjectId, i.DeliveredSeq, i.Roles,
            i.DeliveredAt, i.DeliveredAtScenario, i.Late, i.RespondBy, i.Acknowledgement?.Seq, i.AcknowledgedBy, i.DecisionSeqs.ToArray())
        {
            Form = formOf?.Invoke(i.InjectId),
            ReportSeqs = i.ReportSeqs.ToArray(),
            Report = WithForm(i.Report, formOf),
        }).ToArray(),
        _sent.Values.OrderBy(m => m.Seq).Select(m => WithForm(m, formOf)).ToArray(),
        _received.Values.OrderBy(m => m.Seq).Select(m => WithForm(m, formOf)).ToArray());

    public static MessageItem ToItem(ExerciseEvent e, MessagePayload m) =>
        new(e.Seq, m.MessageId, m.From, e.Actor.Id, m.To, m.Subject, m.Body, e.WallTime, e.ScenarioTime, m.RegardingInjectId, e.RefSeq)
        {
            Report = m.Report,
        };

    private static MessageItem WithForm(MessageItem message, Func<string, ReportForm?>? formOf) =>
        message.Report is null || formOf is null ? message : message with { Report = WithForm(message.Report, formOf) };

    private static SubmittedReport? WithForm(SubmittedReport? report, Func<string, ReportForm?>? formOf) =>
        report is null || formOf is null ? report : report with { Form = formOf(report.InjectId) };

    private void Remember(ExerciseEvent e, ParticipantActionPayload action) => Remember(e, action.ClientActionId, action.Fingerprint);

    private void Remember(ExerciseEvent e, string? clientActionId, string? fingerprint)
    {
        if (clientActionId is not null)
            _byClientActionId.TryAdd(clientActionId, (fingerprint, new ActionReceipt(e.Seq, e.WallTime, e.ScenarioTime, Duplicate: true)));
    }

    private static T Payload<T>(ExerciseEvent e) => ScenarioJson.Deserialize<T>(e.Payload);
}
