using CiExercise.Contracts.Scenarios;

namespace CiExercise.Scenarios.Reading;

/// <summary>
/// Reads how a conditional inject waits: when (held until it holds), delay (after it holds), deadline (cancelled
/// if still held then) and unless (cancelled if it holds first). Delay and deadline only mean something to a held
/// inject, so they need 'when'.
/// </summary>
internal static class HoldReader
{
    public static readonly string[] Keys = ["when", "delay", "deadline", "unless"];

    public static HoldDraft? Read(ValueReader values, MappingReader map, string what)
    {
        var whenNode = map.Optional("when");
        var unlessNode = map.Optional("unless");
        var delayNode = map.Optional("delay");
        var deadlineNode = map.Optional("deadline");
        if (whenNode is null && unlessNode is null && delayNode is null && deadlineNode is null)
        {
            return null;
        }

        var conditions = new ConditionReader(values, what);
        var when = conditions.Read(whenNode, "when");
        var unless = conditions.Read(unlessNode, "unless");
        var delay = values.Duration(delayNode, $"delay of {what}", allowZero: true);
        var deadline = values.Offset(deadlineNode, $"deadline of {what}");
        foreach (var (key, node) in new[] { ("delay", delayNode), ("deadline", deadlineNode) })
        {
            if (node is not null && whenNode is null)
            {
                values.Diagnostics.Error(node.Start, DiagnosticCodes.InvalidValue,
                    $"'{key}' of {what} needs 'when': only an inject held until something happens waits");
            }
        }

        return when is null && unless is null
            ? null
            : new HoldDraft(new InjectHold(when?.Value, delay ?? TimeSpan.Zero, deadline, unless?.Value), when, unless,
                deadline is null ? null : deadlineNode!.Start);
    }
}
