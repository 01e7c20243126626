using CiExercise.Contracts.Events;

namespace CiExercise.Contracts.Ports;

/// <summary>The exercises that exist. Lifecycle and everything after creation live in the event log.</summary>
public interface IExerciseCatalog
{
    /// <summary>
    /// Inserts the exercise and appends its first event (Seq 1) in one transaction.
    /// Throws <see cref="ExerciseAlreadyExistsException"/> when the id is taken; nothing is written then.
    /// </summary>
    Task CreateAsync(ExerciseRecord exercise, NewEvent created, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes an exercise exported by another server, read-only, with its events as they were recorded (their seqs,
    /// wall and scenario times), all in one transaction: nothing is written when any batch fails or the id is taken
    /// (<see cref="ExerciseAlreadyExistsException"/>). Batches come in seq order and the seqs are 1..N without gaps.
    /// </summary>
    Task ImportAsync(ExerciseRecord exercise, IAsyncEnumerable<IReadOnlyList<ExerciseEvent>> events, CancellationToken cancellationToken = default);

    Task<ExerciseRecord?> GetAsync(string exerciseId, CancellationToken cancellationToken = default);

    /// <summary>Every exercise, newest first.</summary>
    Task<IReadOnlyList<ExerciseRecord>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Ids of exercises whose clock runs (started or resumed last): the only ones with injects to fire after a restart.</summary>
    Task<IReadOnlyList<string>> ListRunningAsync(CancellationToken cancellationToken = default);
}
