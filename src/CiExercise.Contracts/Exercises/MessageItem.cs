namespace CiExercise.Contracts.Exercises;

/// <summary>A message sent or received by one organization. Seq is the MessageSent event.</summary>
[GenerateSerializer, Immutable, Alias("ciex.MessageItem")]
public sealed record MessageItem(
    [property: Id(0)] long Seq,
    [property: Id(1)] string FromOrganizationId,
    [property: Id(2)] string SentBy,
    [property: Id(3)] IReadOnlyList<string> To,
    [property: Id(4)] string Subject,
    [property: Id(5)] string Body,
    [property: Id(6)] DateTimeOffset WallTime,
    [property: Id(7)] TimeSpan ScenarioTime,
    [property: Id(8)] string? RegardingInjectId,
    [property: Id(9)] long? ForwardedFromSeq);
