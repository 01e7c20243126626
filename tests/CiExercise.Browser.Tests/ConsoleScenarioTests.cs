using CiExercise.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static CiExercise.Browser.Tests.Infrastructure.ConsoleSetup;
using static Microsoft.Playwright.Assertions;

namespace CiExercise.Browser.Tests;

/// <summary>
/// A whole exercise through the consoles, each person in their own browser context: the controller signs
/// in, issues join links and starts the clock at high speed; two organizations play; an evaluator
/// observes; a participant drops off the network and catches up; a real-world halt reaches everyone.
/// </summary>
public sealed class ConsoleScenarioTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static ConsoleScenarioTests() => SetDefaultExpectTimeout(ExpectTimeout.Milliseconds);

    [Fact]
    public async Task An_exercise_is_played_through_every_console()
    {
        var exerciseId = await fixture.CreateExerciseAsync();

        // The controller signs in with a link and lands on the exercise's control console.
        await using var controlContext = await fixture.NewContextAsync();
        var control = await controlContext.NewPageAsync();
        await control.GotoAsync($"/join#{fixture.ControllerSignInToken}");
        await Expect(control).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/control$"));
        Assert.DoesNotContain(fixture.ControllerSignInToken, control.Url, StringComparison.Ordinal);
        await control.GotoAsync($"/control/{exerciseId}");
        await Expect(control.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");

        var bankUrl = await IssueLinkAsync(control, "participant", "Sato", "bank", "staff");
        var powerUrl = await IssueLinkAsync(control, "participant", "Tanaka", "power", "manager");
        var evaluatorUrl = await IssueLinkAsync(control, "evaluator", "Ito");
        var observerUrl = await IssueLinkAsync(control, "observer", "Kato");

        var (bankContext, bank) = await fixture.OpenAsync(bankUrl, "/console");
        var (powerContext, power) = await fixture.OpenAsync(powerUrl, "/console");
        var (evaluatorContext, evaluator) = await fixture.OpenAsync(evaluatorUrl, "/evaluate");
        var (observerContext, observer) = await fixture.OpenAsync(observerUrl, "/observe");
        await using var _ = bankContext;
        await using var __ = powerContext;
        await using var ___ = evaluatorContext;
        await using var ____ = observerContext;

        // An hour of story a minute: the three early injects fire within two seconds, the last one not for two minutes.
        await control.GetByTestId("speed").FillAsync("60");
        await control.GetByTestId("set-speed").ClickAsync();
        await control.GetByTestId("start").ClickAsync();
        await Expect(control.GetByTestId("exercise-status")).ToHaveAttributeAsync("data-status", "running");

        // Each organization receives its own injects and never the other's.
        await Expect(Inbox(bank, "i3-all")).ToHaveCountAsync(1);
        await Expect(Inbox(power, "i3-all")).ToHaveCountAsync(1);
        await Expect(Inbox(bank, "i1-bank")).ToHaveCountAsync(1);
        await Expect(Inbox(power, "i2-power")).ToHaveCountAsync(1);
        await Expect(Inbox(bank, "i2-power")).ToHaveCountAsync(0);
        await Expect(Inbox(power, "i1-bank")).ToHaveCountAsync(0);
        await Expect(bank.GetByTestId("exercise-banner")).ToBeVisibleAsync();

        // The directory names every organization: the bank's share picker offers its reporting route first.
        await Expect(bank.Locator("[data-testid=recipients] label").First).ToContainTextAsync("The ministry");
        await Expect(bank.Locator("[data-testid=recipients] input[data-org=power]")).ToHaveCountAsync(1);
        await Expect(control.Locator("[data-testid=org-grid] [data-sector=finance] h3")).ToHaveTextAsync("Finance");

        // The bank acknowledges and decides; the controller's board shows both.
        await Inbox(bank, "i1-bank").ClickAsync();
        await Expect(bank.GetByTestId("inject-detail")).ToContainTextAsync("Suspicious traffic detected at the bank.");
        await bank.GetByTestId("acknowledge").ClickAsync();
        await Expect(bank.GetByTestId("acknowledged")).ToBeVisibleAsync();
        await bank.GetByTestId("choice").SelectOptionAsync("isolate");
        await bank.GetByTestId("decision-text").FillAsync("Isolating the affected segment; reporting to the ministry.");
        await bank.GetByTestId("decide").ClickAsync();
        await Expect(bank.GetByTestId("decisions")).ToContainTextAsync("Isolate the system");
        var row = control.Locator("[data-testid=board] tr[data-inject=i1-bank]");
        await Expect(row.GetByTestId("acknowledged")).ToHaveTextAsync("1");
        await Expect(row.GetByTestId("answered")).ToHaveTextAsync("1");
        await Screenshots.TakeAsync(bank, "participant");

        // The evaluator records a rated observation against the objective.
        await evaluator.GetByTestId("obs-text").FillAsync("The bank isolated the segment within the window.");
        await evaluator.GetByTestId("obs-rating").SelectOptionAsync("s");
        await evaluator.Locator("input[data-objective=report]").CheckAsync();
        await evaluator.Locator("input[data-inject=i1-bank]").CheckAsync();
        await evaluator.GetByTestId("obs-record").ClickAsync();
        await Expect(evaluator.Locator("[data-testid=coverage] li[data-objective=report]")).ToHaveAttributeAsync("data-count", "1");
        await Expect(evaluator.Locator("[data-testid=feed] li[data-kind=observation-recorded]")).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(evaluator, "evaluator");

        // The bank drops off the network; an inject fires meanwhile; back online, it catches up once.
        await bankContext.SetOfflineAsync(true);
        await Expect(bank.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "reconnecting");
        await control.GetByTestId("jump-next").ClickAsync();
        await Expect(control.Locator("[data-testid=board] tr[data-inject=i4-later]").GetByTestId("delivered")).ToHaveTextAsync("3");
        await bankContext.SetOfflineAsync(false);
        await Expect(Inbox(bank, "i4-later")).ToHaveCountAsync(1);
        await Expect(bank.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");
        var deliveredToBank = await DeliveriesAsync(exerciseId, "bank");
        await Expect(bank.Locator("[data-testid=inbox] [data-inject]")).ToHaveCountAsync(deliveredToBank.Count);
        Assert.Equal(deliveredToBank.Count, deliveredToBank.Distinct().Count());
        Assert.Equal(deliveredToBank.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await bank.GetByTestId("inbox-count").TextContentAsync());
        foreach (var injectId in deliveredToBank) await Expect(Inbox(bank, injectId)).ToHaveCountAsync(1);

        await Expect(observer.Locator("[data-testid=board] tr[data-inject=i1-bank]").GetByTestId("answered")).ToHaveTextAsync("1");
        await Screenshots.TakeAsync(observer, "observer");
        await Screenshots.TakeAsync(control, "controller");

        // A real-world halt, confirmed, reaches every console.
        await control.GetByTestId("halt").ClickAsync();
        await control.GetByTestId("halt-reason").FillAsync("Real power outage at the data centre");
        await control.GetByTestId("halt-confirm").ClickAsync();
        foreach (var page in new[] { control, bank, power, evaluator, observer })
            await Expect(page.GetByTestId("halt-banner")).ToContainTextAsync("Real power outage at the data centre");
        await Screenshots.TakeAsync(power, "halt");
    }

    /// <summary>Issues one link through the join-link form and reads the URL it shows once.</summary>
    private static async Task<string> IssueLinkAsync(IPage control, string kind, string name, string? org = null, string? role = null)
    {
        var before = await control.GetByTestId("issued-url").CountAsync();
        await control.GetByTestId("link-kind").SelectOptionAsync(kind);
        if (org is not null) await control.GetByTestId("link-org").SelectOptionAsync(org);
        if (role is not null) await control.GetByTestId("link-role").SelectOptionAsync(role);
        await control.GetByTestId("link-name").FillAsync(name);
        await control.GetByTestId("issue-link").ClickAsync();
        await Expect(control.GetByTestId("issued-url")).ToHaveCountAsync(before + 1);
        // The newest link is listed first.
        return await control.GetByTestId("issued-url").First.InputValueAsync();
    }

    /// <summary>The injects delivered to one organization, as the event log records them.</summary>
    private async Task<List<string>> DeliveriesAsync(string exerciseId, string orgId) =>
        (await fixture.EventsAsync(exerciseId)).Where(e => e.Kind == "inject-delivered" && e.Org == orgId).Select(e => e.InjectId!).ToList();
}
