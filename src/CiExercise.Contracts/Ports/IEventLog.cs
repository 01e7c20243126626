using CiExercise.Contracts.Events;

namespace CiExercise.Contracts.Ports;

/// <summary>
/// The append-only event log of every exercise (ARCHITECTURE.md invariants 1–3).
/// </summary>
public interface IEventLog
{
    /// <summary>
    /// Appends the events of one exercise atomically, all or none, and completes only once they are
    /// committed. Appends from many callers are grouped into one transaction. Results are in input order.
    /// </summary>
    Task<IReadOnlyList<AppendResult>> AppendAsync(
        string exerciseId, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="AppendAsync(string, IReadOnlyList{NewEvent}, CancellationToken)"/>, once <paramref name="condition"/>
    /// is found to hold in the transaction that orders the events; when it does not, nothing is written and the
    /// call fails with <see cref="AppendRefusedException"/> (the other appends of the same commit are unaffected).
    /// </summary>
    Task<IReadOnlyList<AppendResult>> AppendAsync(
        string exerciseId, IReadOnlyList<NewEvent> events, AppendCondition condition, CancellationToken cancellationToken = default);

    /// <summary>Events of an exercise with Seq &gt; afterSeq, in order, at most limit of them.</summary>
    Task<IReadOnlyList<ExerciseEvent>> ReadAsync(
        string exerciseId, long afterSeq, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The events after <paramref name="afterSeq"/> that a participant of <paramref name="organizationId"/>
    /// may see, in seq order, at most <paramref name="limit"/> of them: the exercise-level events of
    /// <see cref="LifecycleKinds"/> and every event with OrganizationId = organizationId. Read through the
    /// organization index, so a page costs what it returns, not the size of the log. Deliveries meant for
    /// other roles of the organization are included: the caller still filters by role (the server's
    /// EventAudience.CanSee). Page on with the last returned Seq until a page comes back empty.
    /// </summary>
    Task<IReadOnlyList<ExerciseEvent>> ReadVisibleAsync(
        string exerciseId, string organizationId, long afterSeq, int limit, CancellationToken cancellationToken = default);

    /// <summary>Every event of one organization's stream (OrganizationId = organizationId), in order.</summary>
    Task<IReadOnlyList<ExerciseEvent>> ReadOrganizationAsync(
        string exerciseId, string organizationId, CancellationToken cancellationToken = default);

    /// <summary>Every exercise-level event (no organization: lifecycle, clock, timeline), in order.</summary>
    Task<IReadOnlyList<ExerciseEvent>> ReadExerciseLevelAsync(
        string exerciseId, CancellationToken cancellationToken = default);

    /// <summary>The lifecycle and clock events of an exercise, in order: its status and clocks without its grain.</summary>
    Task<IReadOnlyList<ExerciseEvent>> ReadClockAsync(string exerciseId, CancellationToken cancellationToken = default);

    /// <summary>The highest sequence number the exercise has (0 when it has none, or does not exist).</summary>
    Task<long> ReadLastSeqAsync(string exerciseId, CancellationToken cancellationToken = default);
}
