using CiExercise.Storage;

namespace CiExercise.Server.Problems;

/// <summary>
/// A grain call that failed because the database is away leaves the silo as a <see cref="Contracts.Ports.StorageUnavailableException"/>:
/// a driver's own exception would reach another node's endpoint only as a type name, and be answered 500 instead of
/// a retryable 503. Nothing was recorded in that case (the log answers only after a commit), so retrying is safe.
/// </summary>
internal sealed class StorageFailureCallFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception error) when (StorageFailures.Classify(error) is var classified && !ReferenceEquals(classified, error))
        {
            throw classified;
        }
    }
}
