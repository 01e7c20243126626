using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Tests;

/// <summary>
/// The test organizations with services and conditional injects, built in code (the parser is another helper's):
/// power runs the grid, telco's network depends on it (30 min on batteries), the bank's payments on the network (at once).
/// "attack" (power, +00:10) takes the grid down and offers "restore"; "warn" (+00:00) asks finance and credit cards
/// to isolate or monitor and to rate severity. Tests add the conditional injects they need.
/// </summary>
internal static class DynamicsScenario
{
    private static LocalizedText T(string en) => new($"{en}（日本語）", en);

    public static Service Grid { get; } = new("grid", T("Grid"), "power", [], TimeSpan.FromMinutes(20));

    public static Service Network { get; } =
        new("network", T("Network"), "telco", [new ServiceDependency("grid", TimeSpan.FromMinutes(30))], TimeSpan.FromMinutes(20));

    public static Service Payments { get; } =
        new("payments", T("Payments"), "bank", [new ServiceDependency("network", TimeSpan.Zero)], TimeSpan.FromMinutes(20));

    public static Inject Plain(string id, TimeSpan at, Recipients to, params Choice[] choices) =>
        new(id, at, to, T("Sender"), Channel.Email, T(id), T("Body"), null, TimeSpan.FromHours(1), [], choices);

    public static Inject Attack { get; } = Plain("attack", TimeSpan.FromMinutes(10), To("power"),
            new Choice("restore", T("Restore")) { Restores = ["grid"] }, new Choice("wait", T("Wait"))) with
        { Effects = [new ServiceEffect("grid", ServiceStatus.Down)] };

    public static Inject Warn { get; } = Plain("warn", TimeSpan.Zero, new Recipients(false, [], [Sector.Finance, Sector.CreditCards], []),
        new Choice("isolate", T("Isolate")), new Choice("monitor", T("Monitor"))) with { Severity = new SeverityAsk(null) };

    public static Recipients To(params string[] organizations) => new(false, organizations, [], []);

    /// <summary>A follow-up inject to nc, held until <paramref name="when"/> (its At +00:00 unless given).</summary>
    public static Inject Held(string id, Condition? when, TimeSpan? delay = null, TimeSpan? deadline = null, Condition? unless = null, TimeSpan? at = null) =>
        Plain(id, at ?? TimeSpan.Zero, To("nc")) with { Hold = new InjectHold(when, delay ?? TimeSpan.Zero, deadline, unless) };

    public static Scenario Create(params Inject[] conditional)
    {
        var basis = TestScenario.Create(0, TimeSpan.FromHours(1), "dynamics");
        return basis with { Injects = [Warn, Attack, .. conditional], Services = [Grid, Network, Payments], PlannedDuration = TimeSpan.FromHours(6) };
    }

    public static Condition Decision(string inject, string? choice = null, ConditionScope? by = null) =>
        new(ConditionKind.Decision) { InjectId = inject, ChoiceId = choice, By = by ?? ConditionScope.Anyone };

    public static Condition NotAcknowledged(string inject, TimeSpan at, ConditionScope? by = null) =>
        new(ConditionKind.NotAcknowledged) { InjectId = inject, At = at, By = by ?? ConditionScope.Anyone };

    public static Condition Message(string to, ConditionScope? by = null, string? regarding = null) =>
        new(ConditionKind.Message) { To = to, By = by ?? ConditionScope.Anyone, InjectId = regarding };

    public static Condition Delivered(string inject) => new(ConditionKind.Delivered) { InjectId = inject };

    public static Condition Service(string service, ServiceStatus state) => new(ConditionKind.Service) { ServiceId = service, State = state };

    public static Condition Severity(string inject, int atLeast, ConditionScope? by = null) =>
        new(ConditionKind.Severity) { InjectId = inject, AtLeast = atLeast, By = by ?? ConditionScope.Anyone };

    public static Condition Statement(ConditionScope? by = null) => new(ConditionKind.Statement) { By = by ?? ConditionScope.Anyone };

    public static Condition Report(string inject, ConditionScope? by = null) =>
        new(ConditionKind.Report) { InjectId = inject, By = by ?? ConditionScope.Anyone };

    public static Condition AllOf(params Condition[] parts) => new(ConditionKind.AllOf) { Of = parts };

    public static Condition AnyOf(params Condition[] parts) => new(ConditionKind.AnyOf) { Of = parts };

    public static ConditionScope By(string organization) => new(organization, null, null);

    public static ConditionScope BySector(Sector sector, double? share = null) => new(null, sector, share);

    public static ConditionScope Share(double share) => new(null, null, share);
}
