using System.Text.RegularExpressions;
using CiExercise.Browser.Tests.Infrastructure;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Ports;
using CiExercise.Server.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CiExercise.Browser.Tests;

/// <summary>
/// A participant's console cut off in the middle of a long replay, after live events overtook replayed ones:
/// once it is back it shows every event it may see exactly once (README, "Live consoles and the hub").
/// </summary>
public sealed class ReplayResumeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // The bank receives this many messages, and the power company as many that the bank may not see (the gaps in its seqs).
    private const int Messages = 2000;

    // Past two of the replay's 500-row pages, in the middle of the third.
    private const int ReplayedBeforeHold = 1200;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    static ReplayResumeTests() => SetDefaultExpectTimeout(ExpectTimeout.Milliseconds);

    [Fact]
    public async Task A_console_cut_mid_replay_with_live_events_ahead_resubscribes_from_what_it_has_and_shows_each_event_once()
    {
        var cancel = TestContext.Current.CancellationToken;
        var exerciseId = await fixture.CreateExerciseAsync();
        await fixture.StartAsync(exerciseId);
        // Paused, nothing fires by itself: every event after the seeding is the test's own.
        (await fixture.ControllerApi.PostAsync($"/api/exercises/{exerciseId}/pause", null, cancel)).EnsureSuccessStatusCode();
        var grains = fixture.Server.Services.GetRequiredService<IGrainFactory>();
        await Task.WhenAll(SendAsync(grains, exerciseId, "power", "bank", Messages), SendAsync(grains, exerciseId, "ministry", "power", Messages));
        // The bank's participant has joined before (its first subscription's row is in the seeded log), so the only
        // live event while the replay is held is the message the test sends.
        await grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(exerciseId, "bank")).Joined(new Actor("Sato", "staff", "bank"));
        var log = fixture.Server.Services.GetRequiredService<IEventLog>();
        var cut = new ReplayCut((await ReadAllAsync(log, exerciseId, cancel))[^1].Seq, ReplayedBeforeHold);

        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        // Stateful reconnect resumes the same connection, which loses nothing; the skip happens on a new connection,
        // which is what a console gets when the resume fails (the server restarted, or its buffer's time ran out).
        await page.RouteAsync(new Regex("/hubs/exercise/negotiate"), route => route.ContinueAsync(new RouteContinueOptions
        {
            Url = route.Request.Url.Replace("useStatefulReconnect=true", "useStatefulReconnect=false", StringComparison.Ordinal),
        }));
        await page.RouteWebSocketAsync(new Regex("/hubs/exercise"), cut.Route);
        await page.GotoAsync(await fixture.IssueLinkAsync(exerciseId, "participant", "Sato", "bank", "staff"));

        var held = await cut.Holding.Task.WaitAsync(Wait, cancel);
        // Sent while the rest of the replay is held back, it reaches the console before the replayed events below it.
        await SendAsync(grains, exerciseId, "power", "bank", 1);
        var live = await cut.LiveForwarded.Task.WaitAsync(Wait, cancel);
        await cut.CutAsync();

        var bank = new ExercisePrincipal(PrincipalKind.Participant, exerciseId, "bank", "staff", "Sato", null);
        var visible = (await ReadAllAsync(log, exerciseId, cancel)).Where(e => EventAudience.CanSee(bank, e)).ToList();
        Assert.True(visible.Count > Messages, $"the bank may see {visible.Count} events");
        Assert.Equal(live, visible[^1].Seq);
        var connection = page.GetByTestId("connection");
        await Expect(connection).ToHaveAttributeAsync("data-state", "connected");
        await Expect(connection).ToHaveAttributeAsync("data-events", visible.Count.ToString());
        await Expect(connection).ToHaveAttributeAsync("data-seq-sum", visible.Sum(e => e.Seq).ToString());
        await Expect(connection).ToHaveAttributeAsync("data-last-seq", live.ToString());
        // It resumed from the last page the hub said was complete: not from the start, not after the live event.
        Assert.InRange(await cut.Resubscribed.Task.WaitAsync(Wait, cancel), 1, held);
    }

    private static async Task SendAsync(IGrainFactory grains, string exerciseId, string from, string to, int count)
    {
        var sender = grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(exerciseId, from));
        var actor = new Actor("browser tests", "staff", from);
        for (var i = 0; i < count; i++)
            await sender.SendMessage(actor, new OutgoingMessage([to], $"Status report {i}", "No change.", null, null), null);
    }

    private static async Task<List<ExerciseEvent>> ReadAllAsync(IEventLog log, string exerciseId, CancellationToken cancel)
    {
        var all = new List<ExerciseEvent>();
        while (await log.ReadAsync(exerciseId, all.Count > 0 ? all[^1].Seq : 0, 1000, cancel) is { Count: > 0 } page) all.AddRange(page);
        return all;
    }
}
