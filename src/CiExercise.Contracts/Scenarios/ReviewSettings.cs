namespace CiExercise.Contracts.Scenarios;

/// <summary>
/// The scenario's terms for its after-action review. ReachWithin is, per stage of the reporting chain, the
/// scenario time after an incident inject's delivery within which the stage counts as reached.
/// EscalationRoles are the roles that count as escalation (top management and CISO).
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.ReviewSettings")]
public sealed record ReviewSettings(
    [property: Id(0)] ReachWindows ReachWithin,
    [property: Id(1)] IReadOnlyList<string> EscalationRoles,
    [property: Id(2)] IReadOnlyList<HotWashQuestion> HotWash)
{
    public static ReviewSettings Default { get; } = new(ReachWindows.Default, ["executive", "ciso"], HotWashQuestion.Defaults);
}

/// <summary>Per stage of the reporting chain, the scenario time within which it counts as reached.</summary>
[GenerateSerializer, Immutable, Alias("ciex.ReachWindows")]
public sealed record ReachWindows(
    [property: Id(0)] TimeSpan Ministry,
    [property: Id(1)] TimeSpan NationalCentre,
    [property: Id(2)] TimeSpan Ceptoar,
    [property: Id(3)] TimeSpan OtherSector)
{
    public static ReachWindows Default { get; } =
        new(TimeSpan.FromHours(1), TimeSpan.FromHours(1.5), TimeSpan.FromHours(1.5), TimeSpan.FromHours(2));
}
