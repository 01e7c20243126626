namespace CiExercise.Server.Tests.Infrastructure;

/// <summary>What the tests rely on in Scenarios/server-test.yaml.</summary>
public static class TestScenario
{
    public const string Id = "server-test";

    public static readonly string[] Organizations = ["ministry", "bank", "power", "water"];

    /// <summary>Each scripted inject, its scenario time and the organizations it reaches.</summary>
    public static readonly (string Id, TimeSpan At, string[] To)[] Injects =
    [
        ("i1-alert", TimeSpan.Zero, ["bank"]),
        ("i2-outage", TimeSpan.FromMinutes(10), ["bank", "power"]),
        ("i3-water", TimeSpan.FromMinutes(20), ["water"]),
        ("i4-decision", TimeSpan.FromHours(1), Organizations),
        ("i5-followup", TimeSpan.FromMinutes(70), ["power"]),
        ("i6-closing", TimeSpan.FromMinutes(210), Organizations),
    ];
}
