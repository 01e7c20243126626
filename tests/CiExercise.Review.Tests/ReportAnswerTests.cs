using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Review.Kpis;
using CiExercise.Review.Loading;
using CiExercise.Review.Replay;

namespace CiExercise.Review.Tests;

/// <summary>
/// A report on an inject's form answers it like a decision: the first answer (report or decision) is the response
/// time, and an inject answered by a report is not overdue. Written to a record by the ReportSubmitted contract.
/// </summary>
public sealed class ReportAnswerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_first_answer_is_a_report_or_a_decision_whichever_came_first()
    {
        var events = new List<ExerciseEvent>();
        void Add(int minute, EventKind kind, string? organization, object payload, Actor? actor = null) => events.Add(new ExerciseEvent("x", events.Count + 1,
            kind, Start.AddMinutes(minute), TimeSpan.FromMinutes(minute), organization, actor ?? Actor.System, organization is null ? null : "i1",
            kind is EventKind.ReportSubmitted or EventKind.DecisionRecorded ? 2 + (organization == "bank" ? 1 : 0) : null, ScenarioJson.Serialize(payload)));
        Add(0, EventKind.ExerciseStarted, null, new ClockPayload(1));
        foreach (var organization in new[] { "telco", "bank" })
            Add(0, EventKind.InjectDelivered, organization, new InjectDeliveredPayload([], Channel.Report, TimeSpan.FromMinutes(30), [], false, TimeSpan.Zero));
        var answers = new[] { new FieldAnswer("attack", ChoiceId: "ddos") };
        Add(5, EventKind.ReportSubmitted, "telco", new ReportSubmittedPayload(answers), new Actor("suzuki", "ciso", "telco"));
        Add(9, EventKind.DecisionRecorded, "telco", new ParticipantActionPayload("isolate"), new Actor("suzuki", "ciso", "telco"));
        Add(40, EventKind.ReportSubmitted, "bank", new ReportSubmittedPayload(answers), new Actor("sato", "executive", "bank"));
        var log = new ExerciseLog("x", "x", ReviewScenario.Create(), events);

        var (responses, _) = Responses.Of(log, ExerciseFold.Of(log, events.Count));

        var telco = responses.Single(r => r.OrganizationId == "telco");
        var bank = responses.Single(r => r.OrganizationId == "bank");
        Assert.Equal((TimeSpan.FromMinutes(5), "ciso", true), (telco.FirstDecision!.Scenario, telco.DecidedByRole, telco.InsideWindow));
        Assert.Equal((TimeSpan.FromMinutes(40), false, false), (bank.FirstDecision!.Scenario, bank.InsideWindow!.Value, bank.Overdue));
        var replay = Replays.Snapshot(log, events.Count);
        Assert.Equal(2, replay.Injects.Single(i => i.InjectId == "i1").Answered);
    }
}
