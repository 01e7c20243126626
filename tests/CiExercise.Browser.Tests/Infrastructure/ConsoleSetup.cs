using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CiExercise.Browser.Tests.Infrastructure;

/// <summary>What several browser tests set up the same way: exercises and links through the API, consoles in their own contexts.</summary>
public static class ConsoleSetup
{
    public const string ScenarioId = "browser-test";

    public static async Task<string> CreateExerciseAsync(this BrowserFixture fixture, string scenarioId = ScenarioId)
    {
        var id = $"b-{Guid.NewGuid():N}"[..12];
        using var response = await fixture.ControllerApi.PostAsJsonAsync("/api/exercises", new { scenarioId, id });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>Starts the clock at a speed (60: an hour of story a minute, so the early injects fire at once).</summary>
    public static async Task StartAsync(this BrowserFixture fixture, string exerciseId, double speed = 60)
    {
        (await fixture.ControllerApi.PostAsJsonAsync($"/api/exercises/{exerciseId}/speed", new { speed })).EnsureSuccessStatusCode();
        (await fixture.ControllerApi.PostAsync($"/api/exercises/{exerciseId}/start", null)).EnsureSuccessStatusCode();
    }

    /// <summary>Issues one join link through the API and answers its URL.</summary>
    public static async Task<string> IssueLinkAsync(this BrowserFixture fixture, string exerciseId, string kind, string name, string? org = null, string? role = null)
    {
        using var response = await fixture.ControllerApi.PostAsJsonAsync($"/api/exercises/{exerciseId}/join-links",
            new[] { new { kind, organizationId = org, role, name } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement[0].GetProperty("url").GetString()!;
    }

    /// <summary>Opens a join link in a fresh context and waits until its console is live.</summary>
    public static async Task<(IBrowserContext Context, IPage Page)> OpenAsync(this BrowserFixture fixture, string joinUrl, string console)
    {
        var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(joinUrl);
        await Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(console)}$"));
        await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");
        return (context, page);
    }

    /// <summary>The exercise's event log as a controller reads it over the API: each row's seq, kind, organization and inject.</summary>
    public static async Task<List<(long Seq, string Kind, string? Org, string? InjectId)>> EventsAsync(this BrowserFixture fixture, string exerciseId)
    {
        using var json = JsonDocument.Parse(await fixture.ControllerApi.GetStringAsync(
            $"/api/exercises/{exerciseId}/events?after=0&limit=1000", TestContext.Current.CancellationToken));
        static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var value) ? value.GetString() : null;
        return json.RootElement.GetProperty("events").EnumerateArray()
            .Select(e => (e.GetProperty("seq").GetInt64(), e.GetProperty("kind").GetString()!, Text(e, "organizationId"), Text(e, "injectId")))
            .ToList();
    }

    public static ILocator Inbox(IPage page, string injectId) => page.Locator($"[data-testid=inbox] [data-inject={injectId}]");
}
