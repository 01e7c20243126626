using System.Text.RegularExpressions;
using CiExercise.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static CiExercise.Browser.Tests.Infrastructure.ConsoleSetup;
using static Microsoft.Playwright.Assertions;

namespace CiExercise.Browser.Tests;

/// <summary>
/// The consoles' features one at a time, each on its own exercise of one shared server: the landing page,
/// join links as CSV and their revocation, ad-hoc injects, the keyboard alone, and Japanese.
/// </summary>
public sealed class ConsoleFeatureTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static ConsoleFeatureTests() => SetDefaultExpectTimeout(ExpectTimeout.Milliseconds);

    [Fact]
    public async Task The_root_explains_how_to_join_and_sends_a_signed_in_user_to_their_console()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("landing")).ToContainTextAsync("Open the join link you were given");
        await Expect(page.GetByTestId("landing")).ToContainTextAsync("printed on the server's console");
        await Expect(page.GetByTestId("exercise-banner")).ToContainTextAsync("EXERCISE");
        await page.GetByTestId("lang").ClickAsync();
        await Expect(page.GetByTestId("landing")).ToContainTextAsync("受け取った参加リンク");

        var exerciseId = await fixture.CreateExerciseAsync();
        var (participantContext, participant) = await fixture.OpenAsync(await fixture.IssueLinkAsync(exerciseId, "participant", "Sato", "bank", "staff"), "/console");
        await using var _ = participantContext;
        await participant.GotoAsync("/");
        await Expect(participant).ToHaveURLAsync(new Regex("/console$"));
    }

    [Fact]
    public async Task Join_links_download_as_csv_that_signs_in_and_a_revoked_link_signs_its_console_out()
    {
        var exerciseId = await fixture.CreateExerciseAsync();
        var (controlContext, control) = await fixture.OpenAsync(await fixture.IssueLinkAsync(exerciseId, "controller", "Control"), $"/control/{exerciseId}");
        await using var _ = controlContext;
        await IssueInFormAsync(control, "participant", "Sato", "bank", "staff");
        await IssueInFormAsync(control, "observer", "Kato");

        var download = await control.RunAndWaitForDownloadAsync(() => control.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
        var rows = (await File.ReadAllLinesAsync(await download.PathAsync(), TestContext.Current.CancellationToken))
            .Skip(1).Where(line => line.Length > 0).Select(line => line.Split(',')).ToArray();
        // The controller's own link, issued for this test through the API, is one of the exercise's links too.
        Assert.Equal(["Control", "Kato", "Sato"], rows.Select(r => r[0].Trim('"')).Order());
        Assert.All(rows, r => Assert.Matches("^https?://.+/join#.+", r[5]));

        // The CSV's own URLs sign in: the participant lands on the bank's console.
        var sato = rows.Single(r => r[0].Trim('"') == "Sato")[5];
        var (bankContext, bank) = await fixture.OpenAsync(sato, "/console");
        await using var __ = bankContext;
        await Expect(bank.GetByTestId("who")).ToContainTextAsync("Toto Bank");
        var kato = rows.Single(r => r[0].Trim('"') == "Kato")[5];
        var (observerContext, _) = await fixture.OpenAsync(kato, "/observe");
        await observerContext.DisposeAsync();

        // Revoked, the link's open console is closed by the server and says so; it does not retry.
        await control.Locator("[data-testid=links] tr", new() { HasText = "Sato" }).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(bank.GetByTestId("closed")).ToHaveAttributeAsync("data-reason", "token-revoked");
        await Expect(bank.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "closed");
        await bank.ReloadAsync();
        await Expect(bank.GetByRole(AriaRole.Alert)).ToContainTextAsync("You are not signed in");
    }

    [Fact]
    public async Task An_ad_hoc_inject_from_the_form_reaches_exactly_its_recipients()
    {
        var exerciseId = await fixture.CreateExerciseAsync();
        var (controlContext, control) = await fixture.OpenAsync(await fixture.IssueLinkAsync(exerciseId, "controller", "Control"), $"/control/{exerciseId}");
        var (bankContext, bank) = await fixture.OpenAsync(await fixture.IssueLinkAsync(exerciseId, "participant", "Sato", "bank", "staff"), "/console");
        var (powerContext, power) = await fixture.OpenAsync(await fixture.IssueLinkAsync(exerciseId, "participant", "Tanaka", "power", "manager"), "/console");
        await using var _ = controlContext;
        await using var __ = bankContext;
        await using var ___ = powerContext;
        await fixture.StartAsync(exerciseId);

        await FireAdHocAsync(control, "Call from the ministry", "Toto Bank");
        await Expect(bank.Locator("[data-testid=inbox] [data-inject]", new() { HasText = "Call from the ministry" })).ToHaveCountAsync(1);
        // A second one to the power company only: once power has it, it would have had the first by now.
        await FireAdHocAsync(control, "Grid operator on the phone", "Chuo Power");
        await Expect(power.Locator("[data-testid=inbox] [data-inject]", new() { HasText = "Grid operator on the phone" })).ToHaveCountAsync(1);
        await Expect(power.Locator("[data-testid=inbox] [data-inject]", new() { HasText = "Call from the ministry" })).ToHaveCountAsync(0);
        await Expect(bank.Locator("[data-testid=inbox] [data-inject]", new() { HasText = "Grid operator on the phone" })).ToHaveCountAsync(0);
        var row = control.Locator("[data-testid=board] tr", new() { HasText = "Call from the ministry" });
        await Expect(row.GetByTestId("delivered")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task A_participant_acknowledges_and_decides_with_the_keyboard_alone()
    {
        var exerciseId = await fixture.CreateExerciseAsync();
        var (bankContext, bank) = await fixture.OpenAsync(await fixture.IssueLinkAsync(exerciseId, "participant", "Sato", "bank", "staff"), "/console");
        await using var _ = bankContext;
        await fixture.StartAsync(exerciseId);
        await Expect(Inbox(bank, "i3-all")).ToHaveCountAsync(1);
        await Expect(Inbox(bank, "i1-bank")).ToHaveCountAsync(1);

        // Newest first: J selects i3-all, J again i1-bank; A acknowledges; D goes to the decision.
        await bank.Keyboard.PressAsync("j");
        await bank.Keyboard.PressAsync("j");
        await Expect(bank.GetByTestId("inject-detail")).ToHaveAttributeAsync("data-inject", "i1-bank");
        await Expect(Inbox(bank, "i1-bank")).ToBeFocusedAsync();
        await bank.Keyboard.PressAsync("a");
        await Expect(bank.GetByTestId("acknowledged")).ToBeVisibleAsync();
        await bank.Keyboard.PressAsync("d");
        await Expect(bank.GetByTestId("choice")).ToBeFocusedAsync();
        await bank.Keyboard.PressAsync("ArrowDown");
        await Expect(bank.GetByTestId("choice")).ToHaveValueAsync("isolate");
        await bank.Keyboard.PressAsync("Tab");
        await Expect(bank.GetByTestId("decision-text")).ToBeFocusedAsync();
        await bank.Keyboard.TypeAsync("Isolated; reported to the ministry.");
        await bank.Keyboard.PressAsync("Tab");
        await Expect(bank.GetByTestId("decide")).ToBeFocusedAsync();
        await bank.Keyboard.PressAsync("Enter");
        await Expect(bank.GetByTestId("decisions")).ToContainTextAsync("Isolate the system");
        await Expect(Inbox(bank, "i1-bank")).ToHaveAttributeAsync("data-state", "answered");
    }

    [Fact]
    public async Task Japanese_is_one_switch_away_and_survives_a_reload()
    {
        var exerciseId = await fixture.CreateExerciseAsync();
        var (bankContext, bank) = await fixture.OpenAsync(await fixture.IssueLinkAsync(exerciseId, "participant", "Sato", "bank", "staff"), "/console");
        await using var _ = bankContext;
        await fixture.StartAsync(exerciseId);
        await Expect(bank.Locator("#inbox-h")).ToContainTextAsync("Inbox");

        await bank.GetByRole(AriaRole.Button, new() { Name = "日本語" }).ClickAsync();
        await Expect(bank.Locator("#inbox-h")).ToContainTextAsync("受信箱");
        await Expect(bank.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await bank.ReloadAsync();
        await Expect(bank.Locator("#inbox-h")).ToContainTextAsync("受信箱");
        await Expect(bank.GetByTestId("who")).ToContainTextAsync("東都銀行");

        await Inbox(bank, "i1-bank").ClickAsync();
        await Expect(bank.GetByTestId("inject-detail")).ToContainTextAsync("不審な通信を検知。");
        await Expect(bank.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");
        await Screenshots.TakeAsync(bank, "participant-ja");
    }

    /// <summary>Issues one link through the controller's join-link form.</summary>
    private static async Task IssueInFormAsync(IPage control, string kind, string name, string? org = null, string? role = null)
    {
        var before = await control.GetByTestId("issued-url").CountAsync();
        await control.GetByTestId("link-kind").SelectOptionAsync(kind);
        if (org is not null) await control.GetByTestId("link-org").SelectOptionAsync(org);
        if (role is not null) await control.GetByTestId("link-role").SelectOptionAsync(role);
        await control.GetByTestId("link-name").FillAsync(name);
        await control.GetByTestId("issue-link").ClickAsync();
        await Expect(control.GetByTestId("issued-url")).ToHaveCountAsync(before + 1);
    }

    private static async Task FireAdHocAsync(IPage control, string title, string organization)
    {
        var form = control.Locator("form.adhoc");
        await form.GetByLabel(organization).CheckAsync();
        await control.GetByTestId("adhoc-title").FillAsync(title);
        await form.GetByLabel("Message").FillAsync($"{title}: details follow.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Fire inject" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Status)).ToHaveTextAsync("✓");
        await form.GetByLabel(organization).UncheckAsync();
    }
}
