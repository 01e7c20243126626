namespace CiExercise.Contracts.Events;

/// <summary>The sequence number an appended event got; Duplicate when its DedupeKey was already there.</summary>
[GenerateSerializer, Immutable, Alias("ciex.AppendResult")]
public readonly record struct AppendResult([property: Id(0)] long Seq, [property: Id(1)] bool Duplicate);
