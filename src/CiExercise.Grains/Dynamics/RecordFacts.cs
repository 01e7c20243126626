using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Dynamics;

/// <summary>
/// What conditions watch in the record, folded from the whole log in seq order: deliveries, acknowledgements,
/// decisions (with their choice and severity), reports, messages, press statements, and each state every service
/// has reached. Each fact keeps the first row that made it so, which is where a condition counting it was met.
/// </summary>
internal sealed class RecordFacts
{
    private readonly Dictionary<string, Dictionary<string, Mark>> _delivered = [];
    private readonly Dictionary<(string InjectId, string OrganizationId), Mark> _acknowledged = [];
    private readonly Dictionary<string, List<DecisionFact>> _decisions = [];
    private readonly Dictionary<string, Dictionary<string, Mark>> _reports = [];
    private readonly Dictionary<string, List<MessageFact>> _messagesTo = [];
    private readonly Dictionary<string, Mark> _statements = [];
    private readonly Dictionary<(string ServiceId, ServiceStatus State), Mark> _serviceReached = [];

    /// <summary>A decision on an inject by an organization: its choice and the severity level it rated, if any.</summary>
    public readonly record struct DecisionFact(string OrganizationId, string? ChoiceId, int? Level, Mark Mark);

    /// <summary>A message that reached an organization, from whom, about which inject.</summary>
    public readonly record struct MessageFact(string From, string? RegardingInjectId, Mark Mark);

    public void Apply(ExerciseEvent e)
    {
        var mark = new Mark(e.Seq, e.ScenarioTime);
        switch (e.Kind)
        {
            case EventKind.InjectDelivered when e.InjectId is { } inject && e.OrganizationId is { } organization:
                First(_delivered, inject).TryAdd(organization, mark);
                break;
            case EventKind.InjectAcknowledged when e.InjectId is { } inject && e.OrganizationId is { } organization:
                _acknowledged.TryAdd((inject, organization), mark);
                break;
            case EventKind.DecisionRecorded when e.InjectId is { } inject && e.OrganizationId is { } organization:
                var decision = Read<ParticipantActionPayload>(e);
                if (!_decisions.TryGetValue(inject, out var decisions)) _decisions[inject] = decisions = [];
                decisions.Add(new DecisionFact(organization, decision.ChoiceId, decision.Severity?.Level, mark));
                break;
            case EventKind.ReportSubmitted when e.InjectId is { } inject && e.OrganizationId is { } organization:
                First(_reports, inject).TryAdd(organization, mark);
                break;
            case EventKind.MessageReceived when e.OrganizationId is { } to:
                var message = Read<MessagePayload>(e);
                if (!_messagesTo.TryGetValue(to, out var messages)) _messagesTo[to] = messages = [];
                messages.Add(new MessageFact(message.From, message.RegardingInjectId ?? e.InjectId, mark));
                break;
            case EventKind.FeedPosted:
                var post = Read<FeedPostedPayload>(e).Post;
                if (post is { Kind: FeedKind.Statement, OrganizationId: { } by }) _statements.TryAdd(by, mark);
                break;
            case EventKind.ServiceChanged:
                var change = Read<ServiceChangedPayload>(e);
                _serviceReached.TryAdd((change.ServiceId, change.To), mark);
                break;
        }
    }

    public Mark? Delivered(string injectId, string organizationId) =>
        _delivered.TryGetValue(injectId, out var byOrganization) && byOrganization.TryGetValue(organizationId, out var mark) ? mark : null;

    /// <summary>The first delivery of an inject to anyone.</summary>
    public Mark? DeliveredAtAll(string injectId) =>
        _delivered.TryGetValue(injectId, out var byOrganization) && byOrganization.Count > 0 ? byOrganization.Values.MinBy(m => m.Seq) : null;

    public Mark? Acknowledged(string injectId, string organizationId) =>
        _acknowledged.TryGetValue((injectId, organizationId), out var mark) ? mark : null;

    public IReadOnlyList<DecisionFact> Decisions(string injectId) => _decisions.GetValueOrDefault(injectId) ?? [];

    public IEnumerable<(string OrganizationId, Mark Mark)> Reports(string injectId) =>
        _reports.TryGetValue(injectId, out var byOrganization) ? byOrganization.Select(r => (r.Key, r.Value)) : [];

    public IReadOnlyList<MessageFact> MessagesTo(string organizationId) => _messagesTo.GetValueOrDefault(organizationId) ?? [];

    public IEnumerable<(string OrganizationId, Mark Mark)> Statements => _statements.Select(s => (s.Key, s.Value));

    /// <summary>The first time the service reached the state (a service starts up without a row: "up" means up again).</summary>
    public Mark? Reached(string serviceId, ServiceStatus state) =>
        _serviceReached.TryGetValue((serviceId, state), out var mark) ? mark : null;

    private static Dictionary<string, Mark> First(Dictionary<string, Dictionary<string, Mark>> byInject, string injectId)
    {
        if (!byInject.TryGetValue(injectId, out var byOrganization)) byInject[injectId] = byOrganization = [];
        return byOrganization;
    }

    private static T Read<T>(ExerciseEvent e) => ScenarioJson.Deserialize<T>(e.Payload);
}
