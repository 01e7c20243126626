using CiExercise.Contracts.CommunicationChecks;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Ports;
using CiExercise.Grains.CommunicationChecks;

namespace CiExercise.Server.CommunicationChecks;

/// <summary>
/// The checks of an exercise, folded from the log: from the first check's row on (the exercise-level rows say
/// where that is), so an exercise that ran its checks before play does not read its whole history again.
/// </summary>
public sealed class CheckReports(IEventLog log)
{
    private const int PageSize = 1000;

    public async Task<IReadOnlyList<CheckReport>> ReadAsync(string exerciseId, CancellationToken cancellationToken)
    {
        var first = (await log.ReadExerciseLevelAsync(exerciseId, cancellationToken))
            .FirstOrDefault(e => e.Kind == EventKind.CommunicationCheckStarted);
        if (first is null) return [];
        var fold = new CheckFold();
        var after = first.Seq - 1;
        while (true)
        {
            var page = await log.ReadAsync(exerciseId, after, PageSize, cancellationToken);
            foreach (var e in page.Where(e => CheckFold.Concerns(e.Kind))) fold.Apply(e);
            if (page.Count < PageSize) return fold.Reports();
            after = page[^1].Seq;
        }
    }
}
