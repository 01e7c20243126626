using CiExercise.Browser.Tests.Infrastructure;
using CiExercise.Server.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CiExercise.Browser.Tests;

/// <summary>
/// A controller of every exercise opens the Orleans dashboard from the control cell's console: the session cookie
/// carries their sign-in to the dashboard's own requests, and the dashboard shows the silo.
/// </summary>
public sealed class OrleansDashboardTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static OrleansDashboardTests() => SetDefaultExpectTimeout(ExpectTimeout.Milliseconds);

    [Fact]
    public async Task The_control_cell_opens_the_dashboard_and_it_shows_the_silo()
    {
        var links = fixture.Server.Services.GetRequiredService<JoinLinkService>();
        var controller = new ExercisePrincipal(PrincipalKind.Controller, null, null, null, "Operations", null);
        var token = (await links.IssueAsync([(controller, TimeSpan.FromHours(1))], "browser tests", oneTime: true, TestContext.Current.CancellationToken))[0].Token;
        await using var context = await fixture.NewContextAsync();
        await context.AddInitScriptAsync("""
            window.__violations = [];
            document.addEventListener("securitypolicyviolation", e => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
            """);
        var page = await context.NewPageAsync();
        var failed = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/dashboard", StringComparison.Ordinal) && response.Status >= 400) lock (failed) failed.Add($"{response.Status} {response.Url}");
        };

        await page.GotoAsync($"/join#{token}");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/control$"));
        await page.GetByTestId("orleans-dashboard").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dashboard/$"));
        // The dashboard's counters come from its API, called with the session cookie alone.
        var counters = await page.WaitForResponseAsync(r => r.Url.EndsWith("/dashboard/DashboardCounters", StringComparison.Ordinal) && r.Status == 200);
        Assert.Contains("totalActiveHostCount", await counters.TextAsync(), StringComparison.OrdinalIgnoreCase);
        lock (failed) Assert.Empty(failed);
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__violations"));
    }
}
