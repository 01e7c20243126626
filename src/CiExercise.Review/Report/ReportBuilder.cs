using CiExercise.Review.Model;

namespace CiExercise.Review.Report;

/// <summary>
/// Builds the AAR/IP from a review and the improvement plan, in one language. Every table has a stable id (it
/// names the CSV file and the Excel sheet), so a reader's spreadsheet of one exercise lines up with the next.
/// A review already filtered for a participant gives a report of what that participant may see, and nothing more.
/// </summary>
public sealed partial class ReportBuilder
{
    /// <summary>The marking every exercise output carries (ARCHITECTURE.md invariant 6), in both languages whatever the report's.</summary>
    public const string EnglishMarking = "EXERCISE / 訓練 — everything here is a drill, not a real incident";
    public const string JapaneseMarking = "訓練 / EXERCISE — これは訓練です。実際のインシデントではありません";

    private readonly ExerciseReview _review;
    private readonly ReportActions _actions;
    private readonly ReportText _t;

    private ReportBuilder(ExerciseReview review, ReportActions actions, ReportText text)
    {
        _review = review;
        _actions = actions;
        _t = text;
    }

    public static ReportDocument Build(ExerciseReview review, ReportActions actions, ReportText text)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(text);
        return new ReportBuilder(review, actions, text).Build();
    }

    public static string MarkingIn(ReportText text) => text.Language == ReportText.Japanese ? JapaneseMarking : EnglishMarking;

    private ReportDocument Build()
    {
        var title = _t[$"After-action report and improvement plan: {_review.Name}", $"事後評価報告書・改善計画：{_review.Name}"];
        // The cascades section only where the scenario declares services, so reports of other exercises keep their shape.
        IEnumerable<ReportSection> cascades = _review.Scenario.Services.Count > 0 ? [Cascades()] : [];
        return new ReportDocument(_t.Language, title, MarkingIn(_t),
        [
            Overview(),
            Objectives(),
            Kpis(),
            .. cascades,
            Participation(),
            HotWash(),
            Observations(),
            ImprovementPlan(),
            EarlierFindings(),
            Timeline(),
        ]);
    }

    private static ReportTable Table(string id, string caption, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows) =>
        new(id, caption, columns, rows.ToList());

    private string OrganizationName(string organizationId) =>
        _review.Scenario.FindOrganization(organizationId) is { } organization ? _t.Of(organization.Name) : organizationId;

    private string Sector(string organizationId) =>
        _review.Scenario.FindOrganization(organizationId) is { } organization ? ReportText.Name(organization.Sector) : "";

    private string InjectTitle(string injectId) =>
        _review.Scenario.FindInject(injectId) is { } inject ? _t.Of(inject.Title) : injectId;
}
