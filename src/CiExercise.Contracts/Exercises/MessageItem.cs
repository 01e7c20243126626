namespace CiExercise.Contracts.Exercises;

/// <summary>
/// A message sent or received by one organization. Seq is the event in this organization's own stream
/// (MessageSent or MessageReceived), the number to give as ForwardedFromSeq when passing it on.
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.MessageItem")]
public sealed record MessageItem(
    [property: Id(0)] long Seq,
    [property: Id(1)] string MessageId,
    [property: Id(2)] string FromOrganizationId,
    [property: Id(3)] string SentBy,
    [property: Id(4)] IReadOnlyList<string> To,
    [property: Id(5)] string Subject,
    [property: Id(6)] string Body,
    [property: Id(7)] DateTimeOffset WallTime,
    [property: Id(8)] TimeSpan ScenarioTime,
    [property: Id(9)] string? RegardingInjectId,
    [property: Id(10)] long? ForwardedFromSeq)
{
    /// <summary>The report this message forwards (ForwardedFromSeq a report, or a message that forwarded one), with its answers.</summary>
    [Id(11)] public SubmittedReport? Report { get; init; }
}
