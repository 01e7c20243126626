using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Exercises;

/// <summary>An inject waiting for its scenario time: its At, or for a released conditional inject the DueAt of its release.</summary>
internal sealed record PendingInject(Inject Inject, TimeSpan DueAt) : IComparable<PendingInject>
{
    /// <summary>By due time, then by id, so two activations fire in the same order.</summary>
    public int CompareTo(PendingInject? other) =>
        other is null ? 1
        : DueAt != other.DueAt ? DueAt.CompareTo(other.DueAt)
        : string.CompareOrdinal(Inject.Id, other.Inject.Id);
}
