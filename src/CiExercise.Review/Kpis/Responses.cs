using CiExercise.Contracts.Exercises;
using CiExercise.Review.Loading;
using CiExercise.Review.Model;

namespace CiExercise.Review.Kpis;

/// <summary>
/// How each organization answered each inject delivered to it, read from its organization fold's inbox (the same
/// record its console showed): the first acknowledgement and first answer, measured from delivery. An answer is a
/// decision or a report on the inject's form, whichever came first.
/// </summary>
internal static class Responses
{
    /// <summary>Every response, and per delivery (by its seq) the roles it was meant for: all the organization's when it named none.</summary>
    public static (IReadOnlyList<InjectResponse> Responses, IReadOnlyDictionary<long, IReadOnlyList<string>> Roles) Of(ExerciseLog log, ExerciseFold fold)
    {
        var end = fold.ScenarioNow;
        var responses = new List<InjectResponse>();
        var roles = new Dictionary<long, IReadOnlyList<string>>();
        foreach (var organization in log.Scenario.Organizations)
        {
            var view = fold.Organizations[organization.Id].ToView(log.Id, organization.Id);
            foreach (var item in view.Inbox)
            {
                var acknowledged = item.AcknowledgedSeq is { } a ? log.At(a) : null;
                var decided = FirstAnswer(item) is { } answer ? log.At(answer) : null;
                roles[item.DeliveredSeq] = item.Roles.Count > 0 ? item.Roles : organization.Roles;
                bool? inside = item.RespondBy is { } by ? decided is not null && decided.ScenarioTime <= by : null;
                responses.Add(new InjectResponse(item.InjectId, organization.Id, item.DeliveredSeq, item.DeliveredAt, item.DeliveredAtScenario,
                    item.RespondBy, Since(item, acknowledged), acknowledged?.Actor.Role, Since(item, decided), decided?.Actor.Role, inside,
                    Overdue: Replay.Replays.IsOverdue(item, end)));
            }
        }
        return (responses, roles);
    }

    /// <summary>The seq of the organization's first answer to the inject: a decision or a report (null: none yet).</summary>
    public static long? FirstAnswer(InboxItem item) =>
        item.DecisionSeqs.Concat(item.ReportSeqs).Select(s => (long?)s).Min();

    public static bool IsAnswered(InboxItem item) => item.DecisionSeqs.Count > 0 || item.ReportSeqs.Count > 0;

    /// <summary>How long after the delivery an event came, in both clocks.</summary>
    public static Duration? Since(InboxItem item, Contracts.Events.ExerciseEvent? e) =>
        e is null ? null : new Duration(e.ScenarioTime - item.DeliveredAtScenario, e.WallTime - item.DeliveredAt);
}
