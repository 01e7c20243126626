using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Tests;

/// <summary>A small cross-sector scenario built in code, so grain tests do not depend on the parser.</summary>
internal static class TestScenario
{
    public static readonly DateTimeOffset StoryStart = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(9));

    private static LocalizedText T(string en) => new($"{en}（日本語）", en);

    private static Organization Org(string id, Sector sector, string? reportsTo, params string[] roles) =>
        new(id, T(id), sector, reportsTo, roles, Simulated: false);

    public static IReadOnlyList<Organization> Organizations { get; } =
    [
        Org("telco", Sector.InformationCommunications, "mic", "executive", "ciso", "staff"),
        Org("bank", Sector.Finance, "fsa", "executive", "ciso"),
        Org("card", Sector.CreditCards, "meti", "ciso", "staff"),
        Org("power", Sector.ElectricPower, "meti", "executive", "staff"),
        Org("mic", Sector.Ministry, "nc", "staff"),
        Org("fsa", Sector.Ministry, "nc", "staff"),
        Org("meti", Sector.Ministry, "nc", "staff"),
        Org("nc", Sector.NationalCentre, null, "staff"),
    ];

    /// <summary>Injects every <paramref name="spacing"/> of scenario time, cycling through kinds of recipients.</summary>
    public static Scenario Create(int injectCount, TimeSpan spacing, string id = "test")
    {
        Recipients[] recipients =
        [
            new(false, ["telco"], [], []),
            new(false, [], [Sector.Finance, Sector.CreditCards], []),
            new(true, [], [], ["ciso"]),
            Recipients.All,
            new(false, ["power", "nc"], [Sector.Ministry], ["executive", "staff"]),
        ];
        var injects = Enumerable.Range(0, injectCount).Select(i => new Inject(
            $"i{i + 1:00}", spacing * i, recipients[i % recipients.Length],
            T("Sender"), Channel.Email, T($"Inject {i + 1}"), T("Body"), T("Act"), TimeSpan.FromMinutes(30), [],
            i % 4 == 0 ? [new Choice("isolate", T("Isolate")), new Choice("monitor", T("Monitor"))] : [])).ToArray();
        return new Scenario(id, T("Test scenario"), T("Summary"), "Asia/Tokyo", StoryStart, spacing * injectCount + TimeSpan.FromHours(1),
            [new Phase("detect", T("Detection"), TimeSpan.Zero, spacing * (injectCount / 2)), new Phase("respond", T("Response"), spacing * (injectCount / 2), null)],
            Organizations, [new Objective("share", T("Share incident information across sectors"), "information-sharing")], injects);
    }
}
