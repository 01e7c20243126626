using System.Text.RegularExpressions;
using CiExercise.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static CiExercise.Browser.Tests.Infrastructure.ConsoleSetup;
using static Microsoft.Playwright.Assertions;

namespace CiExercise.Browser.Tests;

/// <summary>
/// Participant actions taken without the network: queued in the browser, kept across a reload, shown as
/// waiting, and recorded exactly once and in order when the network returns; and actions from a plain-HTTP
/// page on a server name, where the browser offers no crypto.randomUUID.
/// </summary>
public sealed class OfflineActionTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static OfflineActionTests() => SetDefaultExpectTimeout(ExpectTimeout.Milliseconds);

    [Fact]
    public async Task Actions_taken_offline_survive_a_reload_and_are_recorded_once_in_order_when_the_network_returns()
    {
        var exerciseId = await fixture.CreateExerciseAsync();
        var (bankContext, bank) = await fixture.OpenAsync(await fixture.IssueLinkAsync(exerciseId, "participant", "Sato", "bank", "staff"), "/console");
        await using var _ = bankContext;
        await fixture.StartAsync(exerciseId);
        await Expect(Inbox(bank, "i1-bank")).ToHaveCountAsync(1);
        // The page loads without the network once its service worker controls it.
        await bank.WaitForFunctionAsync("() => !!navigator.serviceWorker?.controller");

        await bankContext.SetOfflineAsync(true);
        await Expect(bank.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "reconnecting");
        await Inbox(bank, "i1-bank").ClickAsync();
        await bank.GetByTestId("acknowledge").DblClickAsync();
        await bank.GetByTestId("choice").SelectOptionAsync("isolate");
        await bank.GetByTestId("decision-text").FillAsync("Isolated while offline.");
        await bank.GetByTestId("decide").DblClickAsync();
        await bank.Locator("[data-testid=recipients] [data-org=ministry]").CheckAsync();
        await bank.GetByTestId("subject").FillAsync("Offline report");
        await bank.GetByTestId("message-body").FillAsync("Written while the network was down.");
        await bank.GetByTestId("send").DblClickAsync();
        var waiting = bank.Locator("[data-testid=outbox] [data-state=waiting]");
        await Expect(waiting).ToHaveCountAsync(3);

        await bank.ReloadAsync();
        await Expect(bank.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "reconnecting");
        await Inbox(bank, "i1-bank").ClickAsync();
        await Expect(waiting).ToHaveCountAsync(3);
        await Expect(waiting.Nth(0)).ToHaveAttributeAsync("data-method", "Acknowledge");
        await Expect(waiting.Nth(1)).ToHaveAttributeAsync("data-method", "Decide");
        await Expect(waiting.Nth(2)).ToHaveAttributeAsync("data-method", "SendMessage");
        await Expect(waiting.Nth(0)).ToContainTextAsync("Waiting to send");

        await bankContext.SetOfflineAsync(false);
        await Expect(bank.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(waiting).ToHaveCountAsync(0);
        await Expect(bank.GetByTestId("acknowledged")).ToBeVisibleAsync();
        await Expect(bank.GetByTestId("decisions")).ToContainTextAsync("Isolated while offline.");
        await Expect(bank.Locator("[data-testid=shared] .sent")).ToContainTextAsync("Offline report");

        var actions = (await fixture.EventsAsync(exerciseId))
            .Where(e => e.Org == "bank" && e.Kind is "inject-acknowledged" or "decision-recorded" or "message-sent")
            .ToList();
        Assert.Equal(["inject-acknowledged", "decision-recorded", "message-sent"], actions.Select(e => e.Kind));
        Assert.True(actions[0].Seq < actions[1].Seq && actions[1].Seq < actions[2].Seq);
    }

    [Fact]
    public async Task A_plain_http_page_on_a_server_name_acts_without_crypto_randomUUID()
    {
        var exerciseId = await fixture.CreateExerciseAsync();
        var link = new UriBuilder(await fixture.IssueLinkAsync(exerciseId, "participant", "Sato", "bank", "staff")) { Host = BrowserFixture.PlainHttpHost };
        await using var context = await fixture.NewContextAsync();
        // Chromium already leaves it out of such a page; the script makes sure of it on any build.
        await context.AddInitScriptAsync("delete Crypto.prototype.randomUUID; delete crypto.randomUUID;");
        var bank = await context.NewPageAsync();
        await bank.GotoAsync(link.Uri.ToString());
        await Expect(bank).ToHaveURLAsync(new Regex("/console$"));
        await Expect(bank.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");
        Assert.False(await bank.EvaluateAsync<bool>("() => isSecureContext || typeof crypto.randomUUID === 'function'"));
        await fixture.StartAsync(exerciseId);

        await Inbox(bank, "i1-bank").ClickAsync();
        await bank.GetByTestId("acknowledge").ClickAsync();
        await Expect(bank.GetByTestId("acknowledged")).ToBeVisibleAsync();
        await bank.GetByTestId("decision-text").FillAsync("Reported over plain HTTP.");
        await bank.GetByTestId("decide").ClickAsync();
        await Expect(bank.GetByTestId("decisions")).ToContainTextAsync("Reported over plain HTTP.");

        var actions = (await fixture.EventsAsync(exerciseId)).Where(e => e.Org == "bank" && e.Kind is "inject-acknowledged" or "decision-recorded");
        Assert.Equal(["inject-acknowledged", "decision-recorded"], actions.Select(e => e.Kind));
    }

    [Fact]
    public async Task A_controller_command_is_retried_with_the_same_key_and_a_waiting_one_can_be_cancelled()
    {
        var exerciseId = await fixture.CreateExerciseAsync();
        var (controlContext, control) = await fixture.OpenAsync(await fixture.IssueLinkAsync(exerciseId, "controller", "Control"), $"/control/{exerciseId}");
        await using var _ = controlContext;
        await fixture.StartAsync(exerciseId);
        await Expect(control.GetByTestId("exercise-status")).ToHaveAttributeAsync("data-status", "running");

        // The first pause is lost on the network; the retry carries the same key and pauses once.
        var keys = new List<string?>();
        await control.RouteAsync("**/pause", async route =>
        {
            keys.Add(await route.Request.HeaderValueAsync("idempotency-key"));
            if (keys.Count == 1) await route.AbortAsync("connectionreset");
            else await route.ContinueAsync();
        });
        await control.GetByTestId("pause").ClickAsync();
        await Expect(control.GetByTestId("exercise-status")).ToHaveAttributeAsync("data-status", "paused");
        Assert.Equal(2, keys.Count);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", keys[0]);
        Assert.Equal(keys[0], keys[1]);
        Assert.Single(await fixture.EventsAsync(exerciseId), e => e.Kind == "exercise-paused");

        // Offline, a resume waits with a Cancel; cancelled, it is never sent.
        await controlContext.SetOfflineAsync(true);
        await control.GetByTestId("resume").ClickAsync();
        var waiting = control.GetByTestId("commands-waiting");
        await Expect(waiting).ToContainTextAsync("Waiting to send: Resume");
        await waiting.GetByTestId("command-cancel").ClickAsync();
        await Expect(waiting).ToHaveCountAsync(0);
        await controlContext.SetOfflineAsync(false);
        await Expect(control.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(control.GetByTestId("exercise-status")).ToHaveAttributeAsync("data-status", "paused");
        Assert.DoesNotContain(await fixture.EventsAsync(exerciseId), e => e.Kind == "exercise-resumed");
    }
}
