namespace CiExercise.Server.Roster;

/// <summary>
/// One roster import (or dry run) at a time on this node: each reads up to 20,000 rows and may write as many
/// links, so a second one at the same moment is told to try again instead of doubling the load.
/// </summary>
public sealed class RosterImports
{
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>A permit to dispose when the import is done, or null when another import is running.</summary>
    public IDisposable? TryEnter() => _one.Wait(0) ? new Permit(_one) : null;

    private sealed class Permit(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
