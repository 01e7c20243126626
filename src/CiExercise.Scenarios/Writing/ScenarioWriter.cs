using System.Globalization;
using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Reading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CiExercise.Scenarios.Writing;

/// <summary>
/// Writes a scenario as a scenario file (the syntax of scenarios/README.md) that reads back into the same scenario,
/// and single values (a condition, choices, a form, effects) as the one-line flow text a spreadsheet cell holds.
/// </summary>
public static class ScenarioWriter
{
    public static string Write(Scenario scenario) => Emit(allFlow: false, output =>
    {
        output.Map(() =>
        {
            output.Entry("id", scenario.Id);
            output.Text("title", scenario.Title);
            output.Text("summary", scenario.Summary);
            output.Entry("time-zone", scenario.TimeZone);
            output.Entry("start", StoryTime(scenario.StoryStart));
            output.Duration("duration", scenario.PlannedDuration);
            output.Names("roles", Roles(scenario), always: true);
            if (scenario.Phases.Count > 0)
            {
                output.Entry("phases", () => output.List(scenario.Phases, p => Phase(output, p)));
            }

            output.Entry("organizations", () => output.List(scenario.Organizations, o => Organization(output, o)));
            if (scenario.Objectives.Count > 0)
            {
                output.Entry("objectives", () => output.List(scenario.Objectives, o => Objective(output, o)));
            }

            if (scenario.Services.Count > 0)
            {
                output.Entry("services", () => output.List(scenario.Services, s => ServiceWriter.Service(output, s)));
            }

            output.Entry("injects", () => output.List(scenario.Injects, i => InjectWriter.Inject(output, i)));
            ReviewWriter.Review(output, scenario.Review);
        });
    });

    public static string WriteFlow(Condition condition) => Emit(allFlow: true, output => ConditionWriter.Condition(output, condition));

    public static string WriteFlow(IReadOnlyList<Choice> choices) => Emit(allFlow: true, output => InjectWriter.Choices(output, choices));

    public static string WriteFlow(ReportForm form) => Emit(allFlow: true, output => InjectWriter.Form(output, form));

    public static string WriteFlow(IReadOnlyList<ServiceEffect> effects) => Emit(allFlow: true, output => ServiceWriter.Effects(output, effects));

    public static string WriteFlow(IReadOnlyList<ServiceDependency> dependencies) =>
        Emit(allFlow: true, output => ServiceWriter.Dependencies(output, dependencies));

    private static string Emit(bool allFlow, Action<YamlOut> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        // Lists indented under their key as in scenarios/; no folding of long lines (Japanese text has no spaces to
        // fold at, and unfolded lines diff better).
        var settings = EmitterSettings.Default.WithBestIndent(2).WithBestWidth(int.MaxValue).WithIndentedSequences().WithNewLine("\n");
        var emitter = new Emitter(text, settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        write(new YamlOut(emitter, allFlow));
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return allFlow ? text.ToString().TrimEnd('\n') : text.ToString();
    }

    /// <summary>
    /// The contract keeps roles per organization, not the scenario's list: every role played or named (by an
    /// organization, an inject's 'to' or the review) is written, so each reads back as a known role.
    /// </summary>
    private static IEnumerable<string> Roles(Scenario scenario) =>
        scenario.Organizations.SelectMany(o => o.Roles)
            .Concat(scenario.Injects.SelectMany(i => i.Recipients.Roles))
            .Concat(scenario.Review.EscalationRoles)
            .Distinct(StringComparer.Ordinal);

    private static string StoryTime(DateTimeOffset start) =>
        start.ToString(start.Second == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static void Phase(YamlOut output, Phase phase) => output.Map(() =>
    {
        output.Entry("id", phase.Id);
        output.Text("name", phase.Name);
        output.Offset("start", phase.Start);
        output.Offset("end", phase.End);
    });

    private static void Organization(YamlOut output, Organization organization) => output.Map(() =>
    {
        output.Entry("id", organization.Id);
        output.Text("name", organization.Name);
        output.Entry("sector", (Sector?)organization.Sector);
        output.Entry("reports-to", organization.ReportsTo);
        output.Entry("ceptoar", organization.Ceptoar);
        output.Names("roles", organization.Roles, always: true);
        output.Flag("simulated", organization.Simulated);
    });

    private static void Objective(YamlOut output, Objective objective) => output.Map(() =>
    {
        output.Entry("id", objective.Id);
        output.Text("text", objective.Text);
        output.Entry("capability", objective.Capability);
        if (objective.Tasks.Count > 0)
        {
            output.Entry("tasks", () => output.List(objective.Tasks, t => output.Map(() =>
            {
                output.Entry("id", t.Id);
                output.Text("text", t.Text);
            }, flow: true)));
        }
    });
}
