using System.Globalization;
using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Reading;
using CiExercise.Scenarios.Writing;

namespace CiExercise.Scenarios.Sheets;

/// <summary>
/// The cells of each sheet for one scenario, keyed by column key: what the scenario file would say, in the cell
/// notation of <see cref="CellKind"/>; structures as YAML flow text by the scenario writer. Values left at their
/// default are left empty.
/// </summary>
internal static class MselCells
{
    public static Dictionary<string, string?> Scenario(Scenario scenario)
    {
        var cells = new Dictionary<string, string?>
        {
            ["id"] = scenario.Id,
            ["time-zone"] = scenario.TimeZone,
            ["start"] = ScenarioWriter.StoryTime(scenario.StoryStart),
            ["duration"] = Duration(scenario.PlannedDuration),
            ["roles"] = Ids(ScenarioWriter.Roles(scenario)),
        };
        Text(cells, "title", scenario.Title);
        Text(cells, "summary", scenario.Summary);
        return cells;
    }

    public static Dictionary<string, string?> Organization(Organization organization)
    {
        var cells = new Dictionary<string, string?>
        {
            ["id"] = organization.Id,
            ["sector"] = KebabNames<Sector>.NameOf(organization.Sector),
            ["reports-to"] = organization.ReportsTo,
            ["ceptoar"] = organization.Ceptoar,
            ["roles"] = Ids(organization.Roles),
            ["simulated"] = Flag(organization.Simulated),
        };
        Text(cells, "name", organization.Name);
        return cells;
    }

    public static Dictionary<string, string?> Phase(Phase phase)
    {
        var cells = new Dictionary<string, string?>
        {
            ["id"] = phase.Id,
            ["start"] = TimeSyntax.FormatOffset(phase.Start),
            ["end"] = phase.End is { } end ? TimeSyntax.FormatOffset(end) : null,
        };
        Text(cells, "name", phase.Name);
        return cells;
    }

    public static Dictionary<string, string?> Objective(Objective objective)
    {
        var cells = new Dictionary<string, string?>
        {
            ["id"] = objective.Id,
            ["capability"] = objective.Capability,
            ["tasks"] = objective.Tasks.Count == 0 ? null : Flow(y => y.List(objective.Tasks, t => y.Map(() =>
            {
                y.Entry("id", t.Id);
                y.Text("text", t.Text);
            }))),
        };
        Text(cells, "text", objective.Text);
        return cells;
    }

    public static Dictionary<string, string?> Service(Service service)
    {
        var cells = new Dictionary<string, string?>
        {
            ["id"] = service.Id,
            ["organization"] = service.OrganizationId,
            ["recovery"] = Duration(service.RecoveryTime),
            ["depends-on"] = service.DependsOn.Count == 0 ? null : ScenarioWriter.WriteFlow(service.DependsOn),
        };
        Text(cells, "name", service.Name);
        return cells;
    }

    public static Dictionary<string, string?> Inject(Inject inject)
    {
        var hold = inject.Hold;
        var cells = new Dictionary<string, string?>
        {
            ["id"] = inject.Id,
            ["at"] = TimeSyntax.FormatOffset(inject.At),
            ["channel"] = KebabNames<Channel>.NameOf(inject.Channel),
            ["to"] = Flow(y => InjectWriter.Recipients(y, inject.Recipients)),
            ["response-window"] = Duration(inject.ResponseWindow),
            ["objectives"] = Ids(inject.Objectives),
            ["choices"] = inject.Choices.Count == 0 ? null : ScenarioWriter.WriteFlow(inject.Choices),
            ["incident"] = Flag(inject.Incident),
            ["escalation"] = Flag(inject.Escalation),
            ["severity"] = inject.Severity switch
            {
                null => null,
                { Expected: { } level } => $"{{expected: {level.ToString(CultureInfo.InvariantCulture)}}}",
                _ => "true",
            },
            ["when"] = hold?.When is { } when ? ScenarioWriter.WriteFlow(when) : null,
            ["delay"] = hold is { Delay: var delay } && delay > TimeSpan.Zero ? Duration(delay) : null,
            ["deadline"] = hold?.Deadline is { } deadline ? TimeSyntax.FormatOffset(deadline) : null,
            ["unless"] = hold?.Unless is { } unless ? ScenarioWriter.WriteFlow(unless) : null,
            ["effects"] = inject.Effects.Count == 0 ? null : ScenarioWriter.WriteFlow(inject.Effects),
            ["form"] = inject.Form is { } form ? ScenarioWriter.WriteFlow(form) : null,
            ["handle"] = inject.Handle,
        };
        Text(cells, "from", inject.From);
        Text(cells, "title", inject.Title);
        Text(cells, "body", inject.Body);
        Text(cells, "expected-action", inject.ExpectedAction);
        Text(cells, "outlet", inject.Outlet);
        return cells;
    }

    /// <summary>Every value written out, defaults too, so that the planner sees what the review measures against.</summary>
    public static Dictionary<string, string?> Review(ReviewSettings review)
    {
        var reach = review.ReachWithin;
        return new Dictionary<string, string?>
        {
            ["reach-within"] = Flow(y => y.Map(() =>
            {
                y.Duration("ministry", reach.Ministry);
                y.Duration("national-centre", reach.NationalCentre);
                y.Duration("ceptoar", reach.Ceptoar);
                y.Duration("other-sector", reach.OtherSector);
            })),
            ["escalation-roles"] = Ids(review.EscalationRoles),
            ["hot-wash"] = Flow(y => y.List(review.HotWash, q => y.Map(() =>
            {
                y.Entry("id", q.Id);
                y.Text("text", q.Text);
                y.Entry("kind", (HotWashQuestionKind?)q.Kind);
                y.Flag("required", q.Required);
            }))),
        };
    }

    /// <summary>One value as one line of YAML flow text, with the scenario writer.</summary>
    private static string Flow(Action<YamlOut> value) => ScenarioWriter.Emit(allFlow: true, value);

    private static void Text(Dictionary<string, string?> cells, string key, LocalizedText? text)
    {
        cells[$"{key}-ja"] = text?.Ja;
        cells[$"{key}-en"] = text?.En;
    }

    private static string? Flag(bool value) => value ? "true" : null;

    private static string? Ids(IEnumerable<string> ids) => ids.Any() ? string.Join(", ", ids) : null;

    private static string? Duration(TimeSpan? duration) => duration is { } d ? TimeSyntax.FormatOffset(d)[1..] : null;
}
