using CiExercise.Contracts.Exercises;
using CiExercise.Grains.Organizations;
using CiExercise.Review.Kpis;
using CiExercise.Review.Loading;
using CiExercise.Review.Model;

namespace CiExercise.Review.Replay;

/// <summary>
/// The exercise at a moment, folded from the log up to that seq by the grains' own folds. Overdue: delivered with
/// a response window that had passed by the moment's scenario time without an answer (a decision or a report).
/// </summary>
internal static class Replays
{
    public static ReplaySnapshot Snapshot(ExerciseLog log, long atSeq)
    {
        var fold = ExerciseFold.Of(log, atSeq);
        var now = fold.ScenarioNow;
        var views = log.Scenario.Organizations.ToDictionary(o => o.Id, o => fold.Organizations[o.Id].ToView(log.Id, o.Id), StringComparer.Ordinal);
        var lines = log.Scenario.Organizations.Select(o =>
        {
            var view = views[o.Id];
            return new ReplayOrganizationLine(o.Id, o.Sector, view.Inbox.Count, view.Inbox.Count(i => i.AcknowledgedSeq is not null),
                view.Inbox.Count(Responses.IsAnswered), view.Inbox.Count(i => IsOverdue(i, now)), view.Sent.Count, view.Received.Count);
        }).ToArray();
        var inbox = views.Values.SelectMany(v => v.Inbox.Select(i => (v.OrganizationId, Item: i))).ToLookup(x => x.Item.InjectId);
        var injects = fold.Exercise.AllInjects.Select(fold.Exercise.ToState)
            .OrderBy(s => s.FiredSeq ?? long.MaxValue).ThenBy(s => s.Inject.At).ThenBy(s => s.Inject.Id, StringComparer.Ordinal)
            .Select(s =>
            {
                var items = inbox[s.Inject.Id].ToArray();
                return new ReplayInject(s.Inject.Id, s.Status == InjectStatus.Fired, s.FiredAtScenario, items.Length,
                    items.Count(x => x.Item.AcknowledgedSeq is not null), items.Count(x => Responses.IsAnswered(x.Item)),
                    items.Where(x => IsOverdue(x.Item, now)).Select(x => x.OrganizationId).ToArray());
            }).ToArray();
        var shares = views.Values.SelectMany(v => v.Sent).OrderBy(m => m.Seq)
            .Select(m => new ReplayShare(m.Seq, m.FromOrganizationId, m.To, m.Subject, m.RegardingInjectId, m.ForwardedFromSeq, m.ScenarioTime))
            .ToArray();
        return new ReplaySnapshot(atSeq, fold.Last?.WallTime ?? default, now, fold.Exercise.Status, lines, injects, shares);
    }

    public static ReplayOrganization Organization(ExerciseLog log, string organizationId, long atSeq)
    {
        var fold = ExerciseFold.Of(log, atSeq, organizationId);
        var view = fold.Organizations[organizationId].ToView(log.Id, organizationId, id => log.Inject(id)?.Form);
        var now = fold.ScenarioNow;
        return new ReplayOrganization(atSeq, now, view, view.Inbox.Where(i => IsOverdue(i, now)).Select(i => i.InjectId).ToArray());
    }

    public static bool IsOverdue(InboxItem item, TimeSpan now) => item.RespondBy is { } by && now > by && !Responses.IsAnswered(item);

    /// <summary>The last seq of the longest run of events from the start recorded at or before scenario time t (0: none).</summary>
    public static long SeqAt(ExerciseLog log, TimeSpan t)
    {
        long seq = 0;
        foreach (var e in log.Events)
        {
            if (e.ScenarioTime > t) break;
            seq = e.Seq;
        }
        return seq;
    }
}
