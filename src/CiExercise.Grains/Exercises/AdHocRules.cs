using CiExercise.Contracts;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Exercises;

/// <summary>What a scenario file's validator checks of an inject, for the injects a controller writes live.</summary>
internal static class AdHocRules
{
    public static void Check(Scenario scenario, Inject inject)
    {
        if (string.IsNullOrWhiteSpace(inject.Title.Ja) && string.IsNullOrWhiteSpace(inject.Title.En))
            throw Rules.Invalid("inject.title-required", "An ad-hoc inject needs a title (ja or en).");
        if (inject.ResponseWindow is { } window && (window <= TimeSpan.Zero || window > Limits.ResponseWindow))
            throw Rules.Invalid("inject.response-window", $"The response window must be positive and at most {Limits.ResponseWindow:c}.");
        var unknownOrganization = inject.Recipients.Organizations.FirstOrDefault(o => scenario.FindOrganization(o) is null);
        if (unknownOrganization is not null)
            throw Rules.Invalid("inject.unknown-organization", $"The scenario has no organization '{unknownOrganization}'.");
        var roles = scenario.Organizations.SelectMany(o => o.Roles).ToHashSet();
        var unknownRole = inject.Recipients.Roles.FirstOrDefault(r => !roles.Contains(r));
        if (unknownRole is not null)
            throw Rules.Invalid("inject.unknown-role", $"No organization of the scenario has the role '{unknownRole}'.");
        var unknownObjective = inject.Objectives.FirstOrDefault(o => scenario.Objectives.All(x => x.Id != o));
        if (unknownObjective is not null)
            throw Rules.Invalid("inject.unknown-objective", $"The scenario has no objective '{unknownObjective}'.");
        var duplicateChoice = inject.Choices.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicateChoice is not null)
            throw Rules.Invalid("inject.duplicate-choice", $"The choice id '{duplicateChoice.Key}' appears twice.");
        if (scenario.ResolveRecipients(inject.Recipients).Count == 0)
            throw Rules.Invalid("inject.no-recipients", "The recipients select no organization.");
    }
}
