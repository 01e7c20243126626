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

    Task<ExerciseRecord?> GetAsync(string exerciseId, CancellationToken cancellationToken = default);

    /// <summary>Every exercise, newest first.</summary>
    Task<IReadOnlyList<ExerciseRecord>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Ids of exercises whose clock runs (started or resumed last): the only ones with injects to fire after a restart.</summary>
    Task<IReadOnlyList<string>> ListRunningAsync(CancellationToken cancellationToken = default);
}
