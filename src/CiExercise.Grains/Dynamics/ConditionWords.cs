using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Dynamics;

/// <summary>How conditions, releases and cascades read on the MSEL board and in the review, in English words.</summary>
internal static class ConditionWords
{
    /// <summary>A scenario time as the scenario file writes it: +hh:mm.</summary>
    public static string Story(TimeSpan at) => $"+{(int)at.TotalHours:00}:{at.Minutes:00}";

    public static string Sector(Sector sector) => ScenarioJson.Serialize(sector).Trim('"').Replace('-', ' ');

    public static string State(ServiceStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>"2 of 3 water organizations decided 'isolate' on inj-3", or for one organization "kansai-power decided …".</summary>
    public static string Counted(ConditionScopeSet scope, int count, string verb, bool met) =>
        scope.Single
            ? met ? $"{scope.Words} {verb}" : $"{scope.Words} {verb}: not yet"
            : $"{Math.Min(count, scope.Needed)} of {scope.Needed} {scope.Words} {verb}";
}
