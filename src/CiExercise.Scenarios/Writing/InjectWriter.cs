using System.Globalization;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Scenarios.Writing;

/// <summary>Writes one inject with everything it may carry: recipients, choices, hold, effects, form and feed keys.</summary>
internal static class InjectWriter
{
    public static void Inject(YamlOut output, Inject inject) => output.Map(() =>
    {
        output.Entry("id", inject.Id);
        output.Offset("at", inject.At);
        output.Entry("to", () => Recipients(output, inject.Recipients));
        output.Text("from", inject.From);
        output.Entry("channel", (Channel?)inject.Channel);
        output.Text("title", inject.Title);
        output.Text("body", inject.Body);
        output.Text("expected-action", inject.ExpectedAction);
        output.Duration("response-window", inject.ResponseWindow);
        output.Names("objectives", inject.Objectives);
        if (inject.Choices.Count > 0)
        {
            output.Entry("choices", () => Choices(output, inject.Choices));
        }

        output.Flag("incident", inject.Incident);
        output.Flag("escalation", inject.Escalation);
        Severity(output, inject.Severity);
        Hold(output, inject.Hold);
        if (inject.Effects.Count > 0)
        {
            output.Entry("effects", () => ServiceWriter.Effects(output, inject.Effects));
        }

        if (inject.Form is { } form)
        {
            output.Entry("form", () => Form(output, form));
        }

        output.Text("outlet", inject.Outlet);
        output.Entry("handle", inject.Handle);
    });

    public static void Choices(YamlOut output, IReadOnlyList<Choice> choices) =>
        output.List(choices, c => output.Map(() =>
        {
            output.Entry("id", c.Id);
            output.Text("text", c.Text);
            output.Names("restores", c.Restores);
        }, flow: true));

    public static void Form(YamlOut output, ReportForm form) => output.Map(() =>
    {
        output.Text("title", form.Title);
        output.Entry("fields", () => output.List(form.Fields, f => output.Map(() =>
        {
            output.Entry("id", f.Id);
            output.Text("label", f.Label);
            output.Entry("type", (FieldType?)f.Type);
            output.Flag("required", f.Required);
            if (f.Options.Count > 0)
            {
                output.Entry("options", () => Choices(output, f.Options));
            }

            output.Entry("min", f.Min?.ToString(CultureInfo.InvariantCulture));
            output.Entry("max", f.Max?.ToString(CultureInfo.InvariantCulture));
            output.Entry("max-length", f.MaxLength?.ToString(CultureInfo.InvariantCulture));
            output.Text("help", f.Help);
        })));
    });

    private static void Recipients(YamlOut output, Recipients to)
    {
        if (to.Everyone && to.Organizations.Count == 0 && to.Sectors.Count == 0 && to.Roles.Count == 0)
        {
            output.Value("everyone");
            return;
        }

        output.Map(() =>
        {
            output.Flag("everyone", to.Everyone);
            output.Names("organizations", to.Organizations);
            output.Names("sectors", to.Sectors.Select(Reading.KebabNames<Sector>.NameOf));
            output.Names("roles", to.Roles);
        }, flow: true);
    }

    private static void Severity(YamlOut output, SeverityAsk? severity)
    {
        if (severity is null)
        {
            return;
        }

        if (severity.Expected is not { } expected)
        {
            output.Entry("severity", "true");
            return;
        }

        output.Entry("severity", () => output.Map(() => output.Entry("expected", expected.ToString(CultureInfo.InvariantCulture)), flow: true));
    }

    private static void Hold(YamlOut output, InjectHold? hold)
    {
        if (hold is null)
        {
            return;
        }

        if (hold.When is { } when)
        {
            output.Entry("when", () => ConditionWriter.Condition(output, when));
        }

        if (hold.Delay != TimeSpan.Zero)
        {
            output.Duration("delay", hold.Delay);
        }

        output.Offset("deadline", hold.Deadline);
        if (hold.Unless is { } unless)
        {
            output.Entry("unless", () => ConditionWriter.Condition(output, unless));
        }
    }
}
