using CiExercise.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static CiExercise.Browser.Tests.Infrastructure.ConsoleSetup;
using static Microsoft.Playwright.Assertions;

namespace CiExercise.Browser.Tests;

/// <summary>
/// The consoles run under the server's Content-Security-Policy: every page is served with it, and using
/// them (signing in, the live hub, acting, the controller's board) violates nothing, as the browser
/// reports it (securitypolicyviolation events and console messages).
/// </summary>
public sealed class SecurityPolicyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // Runs before any script of the page; the page's policy does not apply to it.
    private const string RecordViolations = """
        window.__violations = [];
        document.addEventListener("securitypolicyviolation", e => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
        """;

    static SecurityPolicyTests() => SetDefaultExpectTimeout(ExpectTimeout.Milliseconds);

    [Fact]
    public async Task Consoles_are_used_under_the_policy_without_a_violation()
    {
        var exerciseId = await fixture.CreateExerciseAsync();
        var control = await OpenWatchedAsync(await fixture.IssueLinkAsync(exerciseId, "controller", "Control"), $"/control/{exerciseId}");
        var bank = await OpenWatchedAsync(await fixture.IssueLinkAsync(exerciseId, "participant", "Sato", "bank", "staff"), "/console");
        await using var _ = control.Context;
        await using var __ = bank.Context;

        await fixture.StartAsync(exerciseId);
        await Inbox(bank.Page, "i1-bank").ClickAsync();
        await bank.Page.GetByTestId("acknowledge").ClickAsync();
        await Expect(bank.Page.GetByTestId("acknowledged")).ToBeVisibleAsync();
        await Expect(control.Page.Locator("[data-testid=board] tr[data-inject=i1-bank]").GetByTestId("acknowledged")).ToHaveTextAsync("1");

        foreach (var console in new[] { control, bank })
        {
            Assert.Contains("frame-ancestors 'none'", console.Policy);
            Assert.DoesNotContain("unsafe-inline", console.Policy);
            Assert.Empty(await console.Page.EvaluateAsync<string[]>("window.__violations"));
            Assert.Empty(console.Messages);
        }
    }

    [Fact]
    public async Task The_review_draws_its_charts_and_lays_out_its_printed_report_under_the_policy_without_a_violation()
    {
        var exerciseId = await fixture.CreateExerciseAsync();
        var control = await OpenWatchedAsync(await fixture.IssueLinkAsync(exerciseId, "controller", "Control"), $"/control/{exerciseId}");
        await using var _ = control.Context;
        await fixture.StartAsync(exerciseId);
        await Expect(control.Page.Locator("[data-testid=board] tr[data-inject=i1-bank]").GetByTestId("delivered")).ToHaveTextAsync("1");

        await control.Page.GetByTestId("review-link").ClickAsync();
        await control.Page.GetByTestId("tab-kpis").ClickAsync();
        await Expect(control.Page.GetByTestId("chart-response").Locator("canvas")).ToHaveAttributeAsync("data-drawn", new System.Text.RegularExpressions.Regex("^[0-9]+$"));
        await control.Page.GetByTestId("tab-report").ClickAsync();
        await Expect(control.Page.GetByTestId("report-doc")).ToBeVisibleAsync();
        Assert.Equal(1, await control.Page.EvaluateAsync<int>("document.adoptedStyleSheets.length"));

        Assert.Empty(await control.Page.EvaluateAsync<string[]>("window.__violations"));
        Assert.Empty(control.Messages);
    }

    private async Task<Watched> OpenWatchedAsync(string joinUrl, string path)
    {
        var context = await fixture.NewContextAsync();
        await context.AddInitScriptAsync(RecordViolations);
        var messages = new List<string>();
        string? policy = null;
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) lock (messages) messages.Add(message.Text);
        };
        context.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "document") policy ??= response.Headers.GetValueOrDefault("content-security-policy");
        };
        var page = await context.NewPageAsync();
        await page.GotoAsync(joinUrl);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"{System.Text.RegularExpressions.Regex.Escape(path)}$"));
        await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");
        Assert.True(policy is not null, $"the console page {joinUrl} came with no Content-Security-Policy");
        return new Watched(context, page, policy, messages);
    }

    private sealed record Watched(IBrowserContext Context, IPage Page, string Policy, List<string> Messages);
}
