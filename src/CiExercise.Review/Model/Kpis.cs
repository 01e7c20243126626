using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Review.Model;

/// <summary>Every figure of the review, per inject and organization, per organization, per sector and for the exercise.</summary>
public sealed record KpiReport(
    IReadOnlyList<InjectResponse> Responses,
    IReadOnlyList<ResponseFigures> Organizations,
    IReadOnlyList<ResponseFigures> Sectors,
    ResponseFigures Exercise,
    IReadOnlyList<EscalationKpi> Escalations,
    IReadOnlyList<ReportingChain> Chains,
    IReadOnlyList<StageReachability> Reachability,
    IReadOnlyList<SeverityCalibration> Severity,
    IReadOnlyList<KpiMiss> Misses);

/// <summary>
/// How one organization answered one inject delivered to it. Acknowledge and FirstDecision are measured from
/// delivery; InsideWindow is null when the inject set no response window; Overdue: window passed unanswered.
/// </summary>
public sealed record InjectResponse(
    string InjectId,
    string OrganizationId,
    long DeliveredSeq,
    DateTimeOffset DeliveredAt,
    TimeSpan DeliveredAtScenario,
    TimeSpan? RespondBy,
    Duration? Acknowledge,
    string? AcknowledgedByRole,
    Duration? FirstDecision,
    string? DecidedByRole,
    bool? InsideWindow,
    bool Overdue);

/// <summary>
/// Response figures of a group (one organization, a sector, the exercise: Key is its id, sector name or "exercise"),
/// with the same figures per role. Medians and 90th percentiles are of scenario time; null when nothing was answered.
/// </summary>
public sealed record ResponseFigures(
    string Key,
    int Organizations,
    int Delivered,
    int Acknowledged,
    int Answered,
    int WithWindow,
    int InsideWindow,
    int Overdue,
    int Unanswered,
    TimeSpan? MedianAcknowledge,
    TimeSpan? P90Acknowledge,
    TimeSpan? MedianFirstDecision,
    TimeSpan? P90FirstDecision,
    IReadOnlyList<RoleFigures> ByRole)
{
    /// <summary>Share of responses inside their window (0–1), null when no inject had one.</summary>
    public double? InsideWindowShare => WithWindow == 0 ? null : (double)InsideWindow / WithWindow;
}

public sealed record RoleFigures(string Role, int Delivered, int Acknowledged, int Answered, int WithWindow, int InsideWindow);

/// <summary>For an inject that expects escalation: when an executive or CISO of the organization first acted (null: never).</summary>
public sealed record EscalationKpi(string InjectId, string OrganizationId, Duration? Escalated, string? ActorId, string? ActorRole);

/// <summary>
/// How one incident inject, delivered to its origin organization, travelled along the reporting chain: each stage,
/// the path of messages (a message regarding the inject, or forwarding one that did), and the chain members never reached.
/// </summary>
public sealed record ReportingChain(
    string InjectId,
    string OriginOrganizationId,
    DateTimeOffset DeliveredAt,
    TimeSpan DeliveredAtScenario,
    IReadOnlyList<ChainStage> Stages,
    IReadOnlyList<ChainHop> Path,
    IReadOnlyList<string> NeverReached);

/// <summary>
/// One stage of the chain: OrganizationId is the stage's organization (the origin's ministry, the national centre,
/// its CEPTOAR) or, for OtherSector, the first organization of another sector reached. Reached is null if never.
/// </summary>
public sealed record ChainStage(ChainStageKind Stage, string? OrganizationId, Duration? Reached, TimeSpan Window, bool InsideWindow);

public enum ChainStageKind
{
    Ministry,
    NationalCentre,
    Ceptoar,
    OtherSector,
}

/// <summary>One message of the path: From sent it to To (a MessageReceived row at Seq), forwarding ForwardedFromSeq if set.</summary>
public sealed record ChainHop(long Seq, string From, string To, DateTimeOffset WallTime, TimeSpan ScenarioTime, string Subject, long? ForwardedFromSeq);

/// <summary>
/// Per incident inject and stage, the share of the stage's organizations that received the report within the
/// scenario's window (the reachability rate of the communication checks). Spread: sectors and organizations reached over time.
/// </summary>
public sealed record StageReachability(
    string InjectId, ChainStageKind Stage, int Organizations, int ReachedInWindow, int Reached, TimeSpan Window, IReadOnlyList<SpreadPoint> Spread)
{
    public double Share => Organizations == 0 ? 0 : (double)ReachedInWindow / Organizations;
}

/// <summary>At ScenarioTime after delivery, the information had reached this many sectors and organizations.</summary>
public sealed record SpreadPoint(TimeSpan ScenarioTime, int Sectors, int Organizations);

/// <summary>The severity ratings of one inject: each organization's, its sector's mean, everyone's mean, and the expected level.</summary>
public sealed record SeverityCalibration(string InjectId, int? Expected, double? Mean, IReadOnlyList<SeverityAnswer> Answers, IReadOnlyList<SectorSeverity> Sectors);

public sealed record SeverityAnswer(string OrganizationId, Sector Sector, SeverityRating Rating, int Level, double SectorMean, int? FromExpected);

public sealed record SectorSeverity(Sector Sector, int Answers, double Mean);

/// <summary>A KPI an organization missed on an inject: what the improvement plan checks for recurrence.</summary>
public sealed record KpiMiss(string OrganizationId, KpiKind Kpi, string InjectId, string Detail);

/// <summary>The KPIs a corrective action can name, so that the next exercise reports whether the same one was missed again.</summary>
public enum KpiKind
{
    /// <summary>An inject was never acknowledged.</summary>
    Acknowledgement,
    /// <summary>An inject with a response window was not answered inside it.</summary>
    ResponseWindow,
    /// <summary>An inject expecting escalation never reached an executive or CISO.</summary>
    Escalation,
    /// <summary>An incident report did not reach the ministry within the window.</summary>
    ReportToMinistry,
    ReportToNationalCentre,
    ReportToCeptoar,
    /// <summary>An incident report did not cross into another sector within the window.</summary>
    CrossSector,
    /// <summary>A severity rating two or more levels off the expected one.</summary>
    SeverityCalibration,
}
