using CiExercise.Contracts.Scenarios;

namespace CiExercise.Review.Tests;

/// <summary>
/// Three sectors and their chain: telco (information and communications) reports to its ministry mic and
/// belongs to the CEPTOAR telco-isac; bank (finance) and power (electric power) are operators of other sectors;
/// nc is the national centre. i1 is an incident that expects escalation; i2 asks bank and power to answer in 20 minutes.
/// </summary>
internal static class ReviewScenario
{
    public static readonly DateTimeOffset StoryStart = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(9));

    public static readonly ReachWindows Windows = new(
        Ministry: TimeSpan.FromMinutes(10), NationalCentre: TimeSpan.FromMinutes(10), Ceptoar: TimeSpan.FromMinutes(30),
        OtherSector: TimeSpan.FromMinutes(30));

    private static LocalizedText T(string en) => new($"{en}（日本語）", en);

    private static Organization Org(string id, Sector sector, string? reportsTo, string? ceptoar, params string[] roles) =>
        new(id, T(id), sector, reportsTo, roles, Simulated: false) { Ceptoar = ceptoar };

    public static Scenario Create()
    {
        Organization[] organizations =
        [
            Org("telco", Sector.InformationCommunications, "mic", "telco-isac", "executive", "ciso", "staff"),
            Org("bank", Sector.Finance, "fsa", null, "executive", "staff"),
            Org("power", Sector.ElectricPower, "meti", null, "executive", "staff"),
            Org("mic", Sector.Ministry, "nc", null, "staff"),
            Org("fsa", Sector.Ministry, "nc", null, "staff"),
            Org("meti", Sector.Ministry, "nc", null, "staff"),
            Org("telco-isac", Sector.Ceptoar, null, null, "staff"),
            Org("nc", Sector.NationalCentre, null, null, "staff"),
        ];
        Inject[] injects =
        [
            new Inject("i1", TimeSpan.Zero, new Recipients(false, ["telco"], [], []), T("SOC"), Channel.SystemAlert, T("Intrusion"),
                T("Core routers compromised"), T("Report"), TimeSpan.FromMinutes(30), ["share"],
                [new Choice("isolate", T("Isolate")), new Choice("monitor", T("Monitor"))]) { Incident = true, Escalation = true },
            new Inject("i2", TimeSpan.FromMinutes(10), new Recipients(false, ["bank", "power"], [], []), T("News"), Channel.News,
                T("Outage rumours"), T("Rumours of an outage"), T("Check"), TimeSpan.FromMinutes(20), ["continuity"], []),
            new Inject("i3", TimeSpan.FromHours(3), new Recipients(false, ["bank"], [], []), T("News"), Channel.News,
                T("Never fired"), T("After the end"), null, null, [], []),
        ];
        Objective[] objectives =
        [
            new Objective("share", T("Share incident information"), "information-sharing")
                { Tasks = [new CriticalTask("report", T("Report to the ministry")), new CriticalTask("cross", T("Warn other sectors"))] },
            new Objective("continuity", T("Keep services running"), "continuity") { Tasks = [new CriticalTask("decide", T("Decide in time"))] },
            new Objective("recover", T("Recover"), "recovery") { Tasks = [new CriticalTask("restore", T("Restore service"))] },
        ];
        return new Scenario("review-test", T("Review test"), T("Summary"), "Asia/Tokyo", StoryStart, TimeSpan.FromHours(1), [],
            organizations, objectives, injects)
        {
            Review = ReviewSettings.Default with { ReachWithin = Windows },
        };
    }
}
