namespace CiExercise.Contracts.CommunicationChecks;

/// <summary>What starting a check answers: its id, its row, how many organizations it targets and how many it reached at once.</summary>
[GenerateSerializer, Immutable, Alias("ciex.CheckStarted")]
public sealed record CheckStarted(
    [property: Id(0)] string CheckId,
    [property: Id(1)] long Seq,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] int Organizations,
    [property: Id(4)] int SentFirst,
    [property: Id(5)] bool Duplicate);
