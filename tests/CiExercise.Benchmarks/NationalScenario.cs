using CiExercise.Contracts.Scenarios;

namespace CiExercise.Benchmarks;

/// <summary>A national roster: 850 organizations over the 15 sectors, their ministries and CEPTOARs, three roles each.</summary>
internal static class NationalScenario
{
    public const int Organizations = 850;

    public static readonly string[] Roles = ["ciso", "staff", "liaison"];

    public static Scenario Create()
    {
        var sectors = Enum.GetValues<Sector>();
        var organizations = Enumerable.Range(0, Organizations)
            .Select(i => new Organization($"org-{i:D4}", new LocalizedText($"組織 {i}", $"Organization {i}"), sectors[i % sectors.Length],
                i < sectors.Length ? null : $"org-{i % sectors.Length:D4}", Roles, false))
            .ToArray();
        var inject = new Inject("i01-startex", TimeSpan.Zero, Recipients.All, new LocalizedText("統制", "Control"), Channel.SystemAlert,
            new LocalizedText("演習開始", "STARTEX"), new LocalizedText("演習を開始します。", "The exercise starts."), null, null, [], []);
        return new Scenario("national", new LocalizedText("全国演習", "National exercise"), LocalizedText.Empty, "Asia/Tokyo",
            new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.FromHours(9)), TimeSpan.FromHours(8), [], organizations, [], [inject]);
    }
}
