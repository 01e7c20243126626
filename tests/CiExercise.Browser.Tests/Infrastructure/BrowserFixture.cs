using System.Net.Http.Headers;
using CiExercise.Server.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CiExercise.Browser.Tests.Infrastructure;

/// <summary>
/// One server and one headless system Chromium per test class. Playwright cannot download browsers on
/// this network, so it drives the Chromium the OS package installed (.ci/run installs it when missing).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// A server name the browser resolves to the loopback test server: a page there over plain HTTP is not
    /// a secure context (no crypto.randomUUID, no service worker), as on an office network.
    /// </summary>
    public const string PlainHttpHost = "console.ciex.test";

    private IPlaywright? _playwright;

    public ConsoleServer Server { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The HTTP API as a controller of every exercise.</summary>
    public HttpClient ControllerApi { get; private set; } = null!;

    /// <summary>A one-time sign-in link's token for a controller of every exercise, like the first controller's.</summary>
    public string ControllerSignInToken { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Server.StartServer();
        var links = Server.Services.GetRequiredService<JoinLinkService>();
        var controller = new ExercisePrincipal(PrincipalKind.Controller, null, null, null, "Control cell", null);
        var cancel = TestContext.Current.CancellationToken;
        ControllerSignInToken = (await links.IssueAsync([(controller, TimeSpan.FromHours(1))], "browser tests", oneTime: true, cancel))[0].Token;
        var apiToken = (await links.IssueAsync(controller, TimeSpan.FromHours(1), "browser tests", cancel)).Token;
        ControllerApi = new HttpClient { BaseAddress = Server.BaseAddress };
        ControllerApi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                $"--host-resolver-rules=MAP {PlainHttpHost} 127.0.0.1", "--disable-features=HttpsUpgrades"],
        });
    }

    /// <summary>
    /// A separate browser context (its own storage and network) at a 1280-pixel-wide screen. Its actions and waits
    /// (a click, a WaitForFunction) wait as long as expectations do: Playwright's own 30 s ran out on a busy machine
    /// while a service worker was still being installed.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(ExpectTimeout.Milliseconds);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        ControllerApi?.Dispose();
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
