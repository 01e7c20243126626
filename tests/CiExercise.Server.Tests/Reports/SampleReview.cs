using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Improvement;
using CiExercise.Contracts.Scenarios;
using CiExercise.Review.Model;
using CiExercise.Review.Report;

namespace CiExercise.Server.Tests.Reports;

/// <summary>
/// A review made by hand, with figures a test can check cell by cell, and texts meant to break renderers: a pipe
/// and a line break, a leading '=' (a formula), quotes and commas, Japanese.
/// </summary>
internal static class SampleReview
{
    public const string HostileText = "=HYPERLINK(\"x\") | line one\nline two, \"quoted\"";

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    public static Scenario Scenario { get; } = new(
        "sample", new("銀行障害演習", "Bank outage exercise"), new("概要", "Summary"), "Asia/Tokyo", Start, TimeSpan.FromHours(4),
        [new Phase("p1", new("初動", "First response"), TimeSpan.Zero, null)],
        [
            new Organization("bank", new("銀行", "Bank"), Sector.Finance, "fsa", ["operator", "executive"], false),
            new Organization("fsa", new("金融庁", "FSA"), Sector.Ministry, null, ["officer"], false),
        ],
        [new Objective("o1", new("報告する", "Report the incident"), "reporting") { Tasks = [new CriticalTask("t1", new("初報", "First report"))] }],
        [
            new Inject("i1", TimeSpan.FromMinutes(5), Recipients.All, new("攻撃者", "Attacker"), Channel.Email, new("ランサム", "Ransom"),
                new("本文", "Body"), null, TimeSpan.FromMinutes(30), ["o1"], []) { Incident = true },
        ]);

    public static ResponseFigures Figures(string key, int delivered, int inside) => new(
        key, 1, delivered, delivered, delivered - 1, delivered, inside, 1, 1, TimeSpan.FromMinutes(4.5), TimeSpan.FromMinutes(9),
        TimeSpan.FromMinutes(12), null, [new RoleFigures("operator", delivered, delivered, delivered - 1, delivered, inside)]);

    public static ExerciseReview Create() => new(
        "ex-sample", "Spring drill", Scenario, ExerciseStatus.Ended, 42, Start, Start.AddHours(3), TimeSpan.FromHours(3), [],
        new KpiReport(
            [new InjectResponse("i1", "bank", 7, Start.AddMinutes(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(35),
                new Duration(TimeSpan.FromMinutes(4.5), TimeSpan.FromMinutes(4.5)), "operator", null, null, false, true)],
            [Figures("bank", 4, 3), Figures("fsa", 2, 1)],
            [Figures("finance", 4, 3)],
            Figures("exercise", 6, 4),
            [new EscalationKpi("i1", "bank", null, null, null)],
            [new ReportingChain("i1", "bank", Start.AddMinutes(5), TimeSpan.FromMinutes(5),
                [new ChainStage(ChainStageKind.Ministry, "fsa", new Duration(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(20)), TimeSpan.FromHours(1), true)],
                [new ChainHop(12, "bank", "fsa", Start.AddMinutes(25), TimeSpan.FromMinutes(25), HostileText, null)], ["nisc"])],
            [new StageReachability("i1", ChainStageKind.Ministry, 1, 1, 1, TimeSpan.FromHours(1), [])],
            [new SeverityCalibration("i1", 3, 2.5, [new SeverityAnswer("bank", Sector.Finance, new SeverityRating(2, 1, 3), 3, 3, 0)],
                [new SectorSeverity(Sector.Finance, 1, 3)])],
            [new KpiMiss("bank", KpiKind.Escalation, "i1", "never escalated")]),
        new EvaluationReport(
            [new ObjectiveEvaluation("o1", new("報告する", "Report the incident"), "reporting", HseepRating.S,
                [new TaskEvaluation("t1", new("初報", "First report"), HseepRating.S,
                    [new TaskRatingEntry(30, "eva", Start.AddHours(1), HseepRating.S, "late but complete", [7, 12])])], 2)],
            [
                new ObservationEntry(20, "eva", Start.AddMinutes(40), TimeSpan.FromMinutes(40),
                    new Observation(ObservationKind.Strength, HseepRating.P, "Clear first report", ["o1"], [], ["bank"])),
                new ObservationEntry(21, "eva", Start.AddMinutes(41), TimeSpan.FromMinutes(41),
                    new Observation(ObservationKind.AreaForImprovement, null, HostileText, ["o1"], ["i1"], ["bank"])),
            ],
            ["o2"], [new TaskRef("o2", "t9")]),
        new ParticipationReport(
            [new OrganizationParticipation("bank", Sector.Finance, false, ["sato", "suzuki"], ["sato"], Start.AddMinutes(50), true)],
            [new InjectLateness("i1", false, TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(1), true)],
            [new HotWashEntry(40, "bank", "sato", "operator", Start.AddHours(3), [new HotWashAnswer("realism", 4, null), new HotWashAnswer("improve", null, "もっと訓練を")])]));

    public static CorrectiveAction Action(string id, string exerciseId, string finding) => new(
        id, exerciseId, "o1", "reporting", "t1", null, "escalation", finding, "Train the night shift", "bank", new DateOnly(2026, 6, 30),
        CorrectiveActionStatus.InProgress, "eva", Start, "eva", Start, 1);

    public static ReportActions Actions() => new(
        [Action("ca-1", "ex-sample", HostileText)],
        [new CarriedAction(Action("ca-0", "ex-earlier", "No escalation at night"), true, ["escalation missed on i1 by bank"])]);

    public static ReportDocument Document(ReportText text) => ReportBuilder.Build(Create(), Actions(), text);
}
