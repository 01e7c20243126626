namespace CiExercise.Contracts.Exercises;

/// <summary>
/// Information one organization shares with others. RegardingInjectId ties it to an inject;
/// ForwardedFromSeq to the message or delivery it passes on (so the path of a report can be traced).
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.OutgoingMessage")]
public sealed record OutgoingMessage(
    [property: Id(0)] IReadOnlyList<string> To,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Body,
    [property: Id(3)] string? RegardingInjectId,
    [property: Id(4)] long? ForwardedFromSeq);
