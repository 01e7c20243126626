using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Review.Loading;
using CiExercise.Review.Model;

namespace CiExercise.Review.Timeline;

/// <summary>Every event of the log as a timeline row, with its organization's sector and the objectives it concerns.</summary>
internal static class TimelineEntries
{
    public static TimelineEntry[] Of(ExerciseLog log)
    {
        var entries = new TimelineEntry[log.Events.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var e = log.Events[i];
            entries[i] = new TimelineEntry(e.Seq, e.Kind, e.WallTime, e.ScenarioTime, e.OrganizationId, log.Organization(e.OrganizationId)?.Sector,
                e.Actor.Id, e.Actor.Role, e.InjectId, Objectives(log, e), e.RefSeq, Summaries.Of(log, e));
        }
        return entries;
    }

    private static IReadOnlyList<string> Objectives(ExerciseLog log, ExerciseEvent e) => e.Kind switch
    {
        EventKind.ObservationRecorded => ReviewPayloads.Read<ObservationPayload>(e).Observation.ObjectiveIds,
        EventKind.TaskRated => [ReviewPayloads.Read<TaskRatedPayload>(e).Rating.ObjectiveId],
        _ => log.Inject(e.InjectId)?.Objectives ?? [],
    };
}
