using CiExercise.Contracts.Improvement;

namespace CiExercise.Contracts.Ports;

/// <summary>
/// The improvement plan, kept across exercises (unlike the event log, which is one exercise's record).
/// Every change is kept as a row of its history, so that nothing recorded is lost by a later edit.
/// </summary>
public interface ICorrectiveActionStore
{
    /// <summary>Adds the action; a retry with the same request key answers the action first added (no second row).</summary>
    Task<CorrectiveAction> AddAsync(CorrectiveAction action, string? requestKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the action if its stored Version is <paramref name="expectedVersion"/>; answers the stored action
    /// (Version + 1), or null when the id is unknown. Throws <see cref="CorrectiveActionConflictException"/> when
    /// someone changed it meanwhile.
    /// </summary>
    Task<CorrectiveAction?> UpdateAsync(CorrectiveAction action, int expectedVersion, CancellationToken cancellationToken = default);

    Task<CorrectiveAction?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every action, oldest first, at most limit.</summary>
    Task<IReadOnlyList<CorrectiveAction>> ListAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Every version an action went through, oldest first.</summary>
    Task<IReadOnlyList<CorrectiveAction>> HistoryAsync(string id, CancellationToken cancellationToken = default);
}

public sealed class CorrectiveActionConflictException(string id, int storedVersion)
    : Exception($"Corrective action '{id}' was changed meanwhile; it is at version {storedVersion}.")
{
    public string Id { get; } = id;
    public int StoredVersion { get; } = storedVersion;
}
