using CiExercise.Contracts.CommunicationChecks;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Organizations;

/// <summary>One organization's communication checks, folded from its own stream like the rest of OrganizationState.</summary>
internal sealed class CheckInbox
{
    private readonly Dictionary<string, ReceivedCheck> _checks = new(StringComparer.Ordinal);

    public ReceivedCheck? Find(string checkId) => _checks.GetValueOrDefault(checkId);

    public void Apply(ExerciseEvent e)
    {
        if (e.Kind == EventKind.CommunicationCheckReceived)
        {
            var received = ScenarioJson.Deserialize<CommunicationCheckReceivedPayload>(e.Payload);
            _checks.TryAdd(received.CheckId, new ReceivedCheck(received.CheckId, e.Seq, received.Route, received.Message, received.PassOnTo));
            return;
        }
        var answer = ScenarioJson.Deserialize<CommunicationCheckAnswerPayload>(e.Payload);
        if (!_checks.TryGetValue(answer.CheckId, out var check)) return;
        var receipt = new ActionReceipt(e.Seq, e.WallTime, e.ScenarioTime, Duplicate: false);
        if (e.Kind == EventKind.CommunicationCheckAcknowledged) check.Acknowledgement ??= receipt;
        else check.PassedOn ??= receipt;
    }
}

internal sealed class ReceivedCheck(string checkId, long receivedSeq, CheckRoute route, string message, IReadOnlyList<string> passOnTo)
{
    public string CheckId { get; } = checkId;
    public long ReceivedSeq { get; } = receivedSeq;
    public CheckRoute Route { get; } = route;
    public string Message { get; } = message;
    public IReadOnlyList<string> PassOnTo { get; } = passOnTo;
    public ActionReceipt? Acknowledgement { get; set; }
    public ActionReceipt? PassedOn { get; set; }
}
