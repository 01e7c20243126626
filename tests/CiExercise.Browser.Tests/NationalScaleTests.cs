using System.Text;
using CiExercise.Browser.Tests.Infrastructure;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static CiExercise.Browser.Tests.Infrastructure.ConsoleSetup;
using static Microsoft.Playwright.Assertions;

namespace CiExercise.Browser.Tests;

/// <summary>
/// The control cell at national scale: 850 organizations (15 sectors, their ministries and CEPTOARs, the national
/// centre, 819 operators). The controller searches and filters the grid and the board, sees who is connected, and
/// runs a communication check down the chain that a ministry and a CEPTOAR pass on and an operator acknowledges.
/// </summary>
public sealed class NationalScaleTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Sectors =
    [
        "information-communications", "finance", "aviation", "airports", "railways", "electric-power", "gas", "government",
        "medical", "water", "logistics", "chemicals", "credit-cards", "petroleum", "ports",
    ];

    static NationalScaleTests() => SetDefaultExpectTimeout(ExpectTimeout.Milliseconds);

    [Fact]
    public async Task The_controller_finds_organizations_among_850_sees_who_is_connected_and_measures_a_check_down_the_chain()
    {
        var (yaml, operators) = NationalScenario();
        var parsed = ScenarioParser.Parse(yaml, "national-850.yaml");
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Diagnostics));
        Assert.Equal(850, parsed.Scenario!.Organizations.Count);
        var exerciseId = $"n-{Guid.NewGuid():N}"[..12];
        await fixture.Server.Services.GetRequiredService<IGrainFactory>().GetGrain<IExerciseGrain>(exerciseId)
            .Create("National exercise", parsed.Scenario, Actor.Controller("browser tests"));

        var (controlContext, control) = await fixture.OpenAsync(await fixture.IssueLinkAsync(exerciseId, "controller", "Control"), $"/control/{exerciseId}");
        await using var _ = controlContext;
        var (ministryContext, ministry) = await fixture.OpenAsync(await fixture.IssueLinkAsync(exerciseId, "participant", "Ito", "min-finance", "staff"), "/console");
        await using var __ = ministryContext;
        var (ceptoarContext, ceptoar) = await fixture.OpenAsync(await fixture.IssueLinkAsync(exerciseId, "participant", "Kato", "ceptoar-finance", "staff"), "/console");
        await using var ___ = ceptoarContext;
        var (bankContext, bank) = await fixture.OpenAsync(await fixture.IssueLinkAsync(exerciseId, "participant", "Sato", "finance-001", "staff"), "/console");
        await using var ____ = bankContext;
        await fixture.StartAsync(exerciseId);

        // Presence: three organizations have someone connected; the other 847 are listed as silent.
        await Expect(control.GetByTestId("presence-orgs")).ToHaveTextAsync("3 / 850");
        await Expect(control.GetByTestId("nobody-count")).ToHaveTextAsync("847");

        // The grid: 850 rows in all, only a screenful in the DOM; search, sector and status narrow it.
        var grid = control.GetByTestId("org-list");
        await Expect(grid).ToHaveAttributeAsync("data-count", "850");
        Assert.InRange(await grid.Locator("[data-org]").CountAsync(), 10, 40);
        await control.GetByTestId("grid-search").FillAsync("Finance operator 01");
        await Expect(grid).ToHaveAttributeAsync("data-count", operators["finance"].Count(o => o.Name.StartsWith("Finance operator 01", StringComparison.Ordinal)).ToString());
        await control.GetByTestId("grid-search").FillAsync("");
        await control.GetByTestId("grid-sector").SelectOptionAsync("finance");
        await Expect(grid).ToHaveAttributeAsync("data-count", operators["finance"].Count.ToString());
        await control.GetByTestId("grid-status").SelectOptionAsync("online");
        await Expect(grid).ToHaveAttributeAsync("data-count", "1");
        await Expect(grid.Locator("[data-org=finance-001]")).ToHaveCountAsync(1);
        await control.GetByTestId("grid-status").SelectOptionAsync("offline");
        await Expect(grid).ToHaveAttributeAsync("data-count", (operators["finance"].Count - 1).ToString());
        await control.GetByTestId("grid-sector").SelectOptionAsync("");
        await control.GetByTestId("grid-status").SelectOptionAsync("");

        // The board: STARTEX reached all 850; searching one operator keeps the injects that reach it, counted for it alone.
        await Expect(control.Locator("[data-testid=board] tr[data-inject=i1-startex]").GetByTestId("delivered")).ToHaveTextAsync("850");
        await control.GetByTestId("board-search").FillAsync("finance-001");
        await Expect(control.Locator("[data-testid=board] tbody tr[data-inject]")).ToHaveCountAsync(2);
        await Expect(control.Locator("[data-testid=board] tr[data-inject=i1-startex]").GetByTestId("delivered")).ToHaveTextAsync("1");
        await control.GetByTestId("board-search").FillAsync("");
        await control.GetByTestId("board-sector").SelectOptionAsync("water");
        await Expect(control.Locator("[data-testid=board] tr[data-inject=i2-finance]")).ToHaveCountAsync(0);
        await control.GetByTestId("board-sector").SelectOptionAsync("");

        // A communication check down the chain: the finance ministry and its CEPTOAR pass it on, an operator acknowledges.
        await control.GetByTestId("check-message").FillAsync("Communication check before exercise day: acknowledge, and pass it on to those who report to you.");
        await control.GetByTestId("check-start").ClickAsync();
        await Expect(control.GetByTestId("check-note")).ToContainTextAsync("849 organizations");
        await ministry.GetByTestId("check-pass-on").ClickAsync();
        await Expect(ministry.GetByTestId("check-passed")).ToBeVisibleAsync();
        await ceptoar.GetByTestId("check-pass-on").ClickAsync();
        await Expect(ceptoar.GetByTestId("check-passed")).ToContainTextAsync(operators["finance"].Count.ToString());
        await bank.GetByTestId("check-acknowledge").ClickAsync();
        await Expect(bank.GetByTestId("check-acknowledged")).ToContainTextAsync("Sato");

        var reach = control.GetByTestId("reach");
        await Expect(reach.Locator("tr[data-stage=ministry]").GetByTestId("stage-acked")).ToHaveTextAsync("1");
        await Expect(reach.Locator("tr[data-stage=ceptoar]").GetByTestId("stage-acked")).ToHaveTextAsync("1");
        await Expect(reach.Locator("tr[data-stage=operator]").GetByTestId("stage-acked")).ToHaveTextAsync("1");
        await Expect(reach.Locator("tr[data-stage=ministry]").GetByTestId("stage-rate")).ToHaveTextAsync("7%");
        await Expect(control.GetByTestId("not-answered-count")).ToHaveTextAsync("846");
        await control.GetByTestId("check-search").FillAsync("Finance operator 002");
        await Expect(control.GetByTestId("not-answered")).ToHaveAttributeAsync("data-count", "1");
        await Expect(control.Locator("[data-testid=not-answered] [data-org=finance-002]")).ToHaveAttributeAsync("data-received", "true");
        await control.GetByTestId("check-search").FillAsync("");

        // The control cell's view of 850 organizations, taken tall enough to show the grid, presence and the check.
        await control.SetViewportSizeAsync(1440, 1500);
        await control.GetByTestId("grid-sector").SelectOptionAsync("finance");
        await Screenshots.TakeAsync(control, "controller-850");
    }

    /// <summary>
    /// 850 organizations in the scenario format: the national centre, a ministry and a CEPTOAR per sector, and 819
    /// operators spread over the 15 sectors, each reporting to its sector's CEPTOAR, which reports to the ministry.
    /// </summary>
    private static (string Yaml, Dictionary<string, List<(string Id, string Name)>> Operators) NationalScenario()
    {
        var yaml = new StringBuilder("""
            id: national-850
            title: { ja: 全国分野横断演習, en: National cross-sector exercise }
            time-zone: Asia/Tokyo
            start: 2026-12-01T09:00
            duration: "04:00"
            roles: [staff]
            organizations:
              - id: nisc
                name: { ja: 国家サイバーセキュリティセンター, en: National cybersecurity centre }
                sector: national-centre

            """);
        var operators = Sectors.ToDictionary(s => s, _ => new List<(string Id, string Name)>());
        for (var i = 0; i < 819; i++) operators[Sectors[i % Sectors.Length]].Add(("", ""));
        foreach (var sector in Sectors)
        {
            var title = char.ToUpperInvariant(sector[0]) + sector[1..].Replace('-', ' ');
            yaml.Append($"  - id: min-{sector}\n    name: {{ ja: {sector}所管省庁, en: \"{title} ministry\" }}\n    sector: ministry\n    reports-to: nisc\n");
            yaml.Append($"  - id: ceptoar-{sector}\n    name: {{ ja: {sector}セプター, en: \"{title} CEPTOAR\" }}\n    sector: ceptoar\n    reports-to: min-{sector}\n");
            var list = operators[sector];
            for (var n = 0; n < list.Count; n++)
            {
                list[n] = ($"{sector}-{n + 1:000}", $"{title} operator {n + 1:000}");
                yaml.Append($"  - id: {list[n].Id}\n    name: {{ ja: {sector}事業者{n + 1:000}, en: \"{list[n].Name}\" }}\n    sector: {sector}\n    reports-to: ceptoar-{sector}\n");
            }
        }
        yaml.Append("""
            injects:
              - id: i1-startex
                at: "+00:00"
                to: everyone
                from: { ja: 統制部, en: Control cell }
                channel: system-alert
                title: { ja: 演習開始, en: STARTEX }
                body: { ja: 演習を開始します。, en: The exercise starts now. }
              - id: i2-finance
                at: "+00:05"
                to: { sectors: [finance] }
                from: { ja: 監視システム, en: Monitoring }
                channel: email
                title: { ja: 不審な通信, en: Suspicious traffic at banks }
                body: { ja: 不審な通信を検知。, en: Suspicious traffic detected. }
                response-window: "00:30"
              - id: i3-later
                at: "+03:00"
                to: { sectors: [water] }
                from: { ja: 水道局, en: Waterworks }
                channel: phone
                title: { ja: 水質異常, en: Water quality alarm }
                body: { ja: 水質異常。, en: Water quality alarm. }

            """);
        return (yaml.ToString(), operators);
    }
}
