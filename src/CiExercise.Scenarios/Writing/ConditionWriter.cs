using System.Globalization;
using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Reading;

namespace CiExercise.Scenarios.Writing;

/// <summary>Writes a condition as a mapping with one key, its kind; all-of / any-of as a list of conditions.</summary>
internal static class ConditionWriter
{
    public static void Condition(YamlOut output, Condition condition) => output.Map(() =>
    {
        var kind = KebabNames<ConditionKind>.NameOf(condition.Kind);
        switch (condition.Kind)
        {
            case ConditionKind.AllOf or ConditionKind.AnyOf:
                output.Entry(kind, () => output.List(condition.Of, c => Condition(output, c)));
                break;
            case ConditionKind.Delivered:
                output.Entry(kind, condition.InjectId ?? "");
                break;
            default:
                output.Entry(kind, () => output.Map(() => Fields(output, condition), flow: true));
                break;
        }
    });

    private static void Fields(YamlOut output, Condition condition)
    {
        if (condition.Kind == ConditionKind.Service)
        {
            output.Entry("id", condition.ServiceId);
            output.Entry("state", condition.State);
            return;
        }

        // In the order scenarios/README.md writes them: decision {inject, choice, by}, message {to, by, regarding}, ...
        var message = condition.Kind == ConditionKind.Message;
        output.Entry("to", condition.To);
        output.Entry("inject", message ? null : condition.InjectId);
        output.Entry("choice", condition.ChoiceId);
        output.Entry("at-least", condition.AtLeast?.ToString(CultureInfo.InvariantCulture));
        if (condition.By != ConditionScope.Anyone)
        {
            output.Entry("by", () => Scope(output, condition.By));
        }

        output.Offset("at", condition.At);
        output.Entry("regarding", message ? condition.InjectId : null);
    }

    private static void Scope(YamlOut output, ConditionScope scope)
    {
        if (scope.OrganizationId is { } organization)
        {
            output.Value(organization);
            return;
        }

        output.Map(() =>
        {
            output.Entry("sector", scope.Sector);
            output.Entry("share", scope.Share?.ToString("R", CultureInfo.InvariantCulture));
        }, flow: true);
    }
}
