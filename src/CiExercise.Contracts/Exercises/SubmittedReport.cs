using CiExercise.Contracts.Scenarios;

namespace CiExercise.Contracts.Exercises;

/// <summary>
/// A report form as one organization answered it (Seq: its ReportSubmitted row), on the inbox entry of the inject
/// that asked, and on every message that forwards it along the reporting chain. Form is the inject's form, so a
/// recipient that never received the inject can still read the answers against their labels.
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.SubmittedReport")]
public sealed record SubmittedReport(
    [property: Id(0)] long Seq,
    [property: Id(1)] string InjectId,
    [property: Id(2)] string OrganizationId,
    [property: Id(3)] string SubmittedBy,
    [property: Id(4)] DateTimeOffset WallTime,
    [property: Id(5)] TimeSpan ScenarioTime,
    [property: Id(6)] IReadOnlyList<FieldAnswer> Answers)
{
    /// <summary>The form the answers fill in (filled in for views from the scenario; not stored with the answers).</summary>
    [Id(7)] public ReportForm? Form { get; init; }
}
