using System.Text.RegularExpressions;
using CiExercise.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static CiExercise.Browser.Tests.Infrastructure.ConsoleSetup;
using static Microsoft.Playwright.Assertions;

namespace CiExercise.Browser.Tests;

/// <summary>
/// Scenario dynamics in the consoles, each test on its own exercise of the browser-dynamics scenario: the news and
/// social feed with a press statement and a live post, a report form answered and forwarded, the services'
/// dependency graph with a service down, and why a held inject waits on the MSEL board.
/// </summary>
public sealed class DynamicsConsoleTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Scenario = "browser-dynamics";

    static DynamicsConsoleTests() => SetDefaultExpectTimeout(ExpectTimeout.Milliseconds);

    [Fact]
    public async Task The_feed_shows_news_and_social_injects_a_press_statement_and_a_live_post_marked_as_an_exercise()
    {
        var id = await fixture.CreateExerciseAsync(Scenario);
        var (controlContext, control) = await fixture.OpenAsync(await fixture.IssueLinkAsync(id, "controller", "Control"), $"/control/{id}");
        var (bankContext, bank) = await fixture.OpenAsync(await fixture.IssueLinkAsync(id, "participant", "Sato", "bank", "staff"), "/console");
        var (powerContext, power) = await fixture.OpenAsync(await fixture.IssueLinkAsync(id, "participant", "Tanaka", "power", "manager"), "/console");
        await using var _ = controlContext;
        await using var __ = bankContext;
        await using var ___ = powerContext;
        await fixture.StartAsync(id);

        await bank.GetByTestId("tab-feed").ClickAsync();
        var article = bank.Locator("[data-testid=feed-news] [data-inject=d1-news]");
        await Expect(article.Locator(".outlet")).ToHaveTextAsync("Maiasa Shimbun");
        await Expect(article.Locator(".headline")).ToHaveTextAsync("Outage suspected at Toto Bank");
        await Expect(article.Locator(".mark")).ToHaveTextAsync("EXERCISE");
        var post = bank.Locator("[data-testid=feed-social] [data-inject=d2-social]");
        await Expect(post.Locator(".handle")).ToHaveTextAsync("@kobe_resident");
        await Expect(post.Locator(".author strong")).ToHaveTextAsync("Kobe resident");
        await Expect(post.Locator(".post-body")).ToHaveTextAsync("Every ATM near me is out of order.");
        await Expect(post.Locator(".mark")).ToHaveTextAsync("EXERCISE");
        // Only news and social-media injects are in the feed: the report request and the alerts stay in the inbox.
        await Expect(bank.Locator("[data-testid=feed-news] [data-inject=d3-report]")).ToHaveCountAsync(0);

        // The bank's press statement reaches every organization's feed.
        await bank.GetByTestId("statement-headline").FillAsync("Toto Bank: services partly restored");
        await bank.GetByTestId("statement-body").FillAsync("Online banking is running; ATMs follow within the hour.");
        await bank.GetByTestId("statement-publish").ClickAsync();
        await power.GetByTestId("tab-feed").ClickAsync();
        foreach (var page in new[] { bank, power })
        {
            var statement = page.Locator("[data-testid=feed-news] [data-kind=statement]");
            await Expect(statement.Locator(".headline")).ToHaveTextAsync("Toto Bank: services partly restored");
            await Expect(statement.Locator(".outlet")).ToHaveTextAsync("Press statement · Toto Bank");
        }

        // The control cell posts live as a commuter; it appears in the participants' social timeline at once.
        await control.GetByTestId("post-kind").SelectOptionAsync("social");
        await control.GetByTestId("post-outlet").FillAsync("Osaka commuter");
        await control.GetByTestId("post-handle").FillAsync("@osaka_commuter");
        await control.GetByTestId("post-headline").FillAsync("Trains and banks");
        await control.GetByTestId("post-body").FillAsync("Is the bank down again? Nothing works this morning.");
        await control.GetByTestId("post-publish").ClickAsync();
        await Expect(control.GetByTestId("post-result")).ToHaveTextAsync("✓");
        var live = bank.Locator("[data-testid=feed-social] [data-kind=social]", new() { HasText = "@osaka_commuter" });
        await Expect(live.Locator(".post-body")).ToHaveTextAsync("Is the bank down again? Nothing works this morning.");
        await Expect(power.Locator("[data-testid=feed-social] [data-kind=social]", new() { HasText = "@osaka_commuter" })).ToHaveCountAsync(1);

        var posted = (await fixture.EventsAsync(id)).Where(e => e.Kind == "feed-posted").ToList();
        Assert.Equal(2, posted.Count);
        await Screenshots.TakeAsync(bank, "participant-feed");
    }

    [Fact]
    public async Task A_report_form_marks_its_required_fields_records_the_report_and_forwards_it_to_the_ministry_which_the_control_cell_answers()
    {
        var id = await fixture.CreateExerciseAsync(Scenario);
        var (controlContext, control) = await fixture.OpenAsync(await fixture.IssueLinkAsync(id, "controller", "Control"), $"/control/{id}");
        var (bankContext, bank) = await fixture.OpenAsync(await fixture.IssueLinkAsync(id, "participant", "Sato", "bank", "staff"), "/console");
        await using var _ = controlContext;
        await using var __ = bankContext;
        await fixture.StartAsync(id);

        await Inbox(bank, "d3-report").ClickAsync();
        var form = bank.GetByTestId("report-form");
        await Expect(form.Locator("h3")).ToHaveTextAsync("Incident report");
        await Expect(form.Locator("[data-field=attack] .required")).ToHaveCountAsync(1);
        await Expect(form.Locator("[data-field=notes] .required")).ToHaveCountAsync(0);
        // The inject asks for a report, not a free-text decision.
        await Expect(bank.GetByTestId("decision-text")).ToHaveCountAsync(0);

        // Sent empty, the required fields say so at the field, and nothing is queued.
        await bank.GetByTestId("report-submit").ClickAsync();
        await Expect(bank.GetByTestId("field-attack-error")).ToHaveTextAsync("Required.");
        await Expect(bank.GetByTestId("field-breached-error")).ToHaveTextAsync("Required.");
        await Expect(bank.GetByTestId("field-notes-error")).ToHaveCountAsync(0);
        await Expect(bank.GetByTestId("field-attack")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(bank.GetByTestId("outbox")).ToHaveCountAsync(0);

        // A number over its maximum is refused at the field too.
        await bank.GetByTestId("field-attack").SelectOptionAsync("ddos");
        await bank.GetByTestId("field-breached-yes").CheckAsync();
        await bank.GetByTestId("field-detected-at").FillAsync("2025-11-18T09:05");
        await bank.GetByTestId("field-impact-3").CheckAsync();
        await bank.GetByTestId("field-customers").FillAsync("200000000");
        await bank.GetByTestId("field-notes").FillAsync("Web front ends flooded from abroad.");
        await bank.GetByTestId("report-submit").ClickAsync();
        await Expect(bank.GetByTestId("field-customers-error")).ToContainTextAsync("Between 0 and 100000000");
        await Expect(bank.GetByTestId("field-attack-error")).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(bank, "participant-report-form");

        await bank.GetByTestId("field-customers").FillAsync("12000");
        await bank.GetByTestId("report-submit").ClickAsync();
        var answers = bank.GetByTestId("report-answers");
        await Expect(answers.Locator("[data-field=attack]")).ToHaveTextAsync("DDoS");
        await Expect(answers.Locator("[data-field=breached]")).ToHaveTextAsync("Yes");
        await Expect(answers.Locator("[data-field=impact]")).ToHaveTextAsync("Level 3");
        await Expect(answers.Locator("[data-field=customers]")).ToHaveTextAsync("12000");
        await Expect(Inbox(bank, "d3-report")).ToHaveAttributeAsync("data-state", "answered");

        // Forwarded along the reporting route (chosen at first): the ministry the control cell plays receives it.
        await Expect(bank.Locator("[data-testid=forward-recipients] input[data-org=ministry]")).ToBeCheckedAsync();
        await bank.GetByTestId("forward-send").ClickAsync();
        var received = control.Locator("[data-testid=sim-items] [data-kind=message-received]", new() { HasText = "Incident report: Incident report requested" });
        await Expect(received).ToHaveCountAsync(1);

        // The control cell reads the report's fields there and answers as the ministry; the bank receives the reply.
        await received.ClickAsync();
        await Expect(control.GetByTestId("sim-report").Locator("[data-field=attack]")).ToHaveTextAsync("DDoS");
        await control.GetByTestId("sim-reply").ClickAsync();
        await Expect(control.Locator("[data-testid=sim-recipients] input[data-org=bank]")).ToBeCheckedAsync();
        await control.GetByTestId("sim-body").FillAsync("Received. Report again when the service is back.");
        await control.GetByTestId("sim-send").ClickAsync();
        await Expect(control.GetByTestId("sim-result")).ToHaveTextAsync("✓");
        await Expect(bank.Locator("[data-testid=shared] li.received", new() { HasText = "Re: Incident report: Incident report requested" }))
            .ToContainTextAsync("Received. Report again when the service is back.");

        var events = await fixture.EventsAsync(id);
        var report = Assert.Single(events, e => e.Kind == "report-submitted");
        Assert.Equal(("bank", "d3-report"), (report.Org, report.InjectId));
        Assert.Contains(events, e => e.Kind == "message-received" && e.Org == "ministry" && e.Seq > report.Seq);
        Assert.Contains(events, e => e.Kind == "message-sent" && e.Org == "ministry");
    }

    [Fact]
    public async Task The_dependency_graph_shows_a_service_down_live_and_a_controller_sets_another_ones_state()
    {
        var id = await fixture.CreateExerciseAsync(Scenario);
        var (controlContext, control) = await fixture.OpenAsync(await fixture.IssueLinkAsync(id, "controller", "Control"), $"/control/{id}");
        var (bankContext, bank) = await fixture.OpenAsync(await fixture.IssueLinkAsync(id, "participant", "Sato", "bank", "staff"), "/console");
        await using var _ = controlContext;
        await using var __ = bankContext;

        var graph = control.GetByTestId("service-graph");
        await Expect(graph.Locator("tr[data-service=grid]")).ToHaveAttributeAsync("data-status", "up");
        await Expect(graph.GetByTestId("graph-canvas")).ToHaveAttributeAsync("data-drawn", "true");
        await Expect(graph.GetByTestId("graph-canvas").Locator("canvas").First).ToBeVisibleAsync();
        // The graph library added no style element, which the consoles' policy would refuse: the placeholder stood in.
        Assert.Equal(0, await control.EvaluateAsync<int>("document.querySelectorAll('style').length"));
        Assert.Equal("META", await control.EvaluateAsync<string>("document.getElementById('__________cytoscape_stylesheet').tagName"));
        await fixture.StartAsync(id);

        // The attack inject takes the grid down; the graph and the table follow the event.
        await Expect(graph.Locator("tr[data-service=grid]")).ToHaveAttributeAsync("data-status", "down");
        await Expect(graph.GetByTestId("graph-canvas")).ToHaveAttributeAsync("data-down", "grid");
        await Expect(graph.Locator("tr[data-service=grid] [data-testid=service-status]")).ToHaveTextAsync("Down");
        await Expect(graph.Locator("tr[data-service=online-banking]")).ToHaveAttributeAsync("data-status", "up");

        // The bank sees its own service and the grid it depends on, with when its own one follows it down.
        var services = bank.GetByTestId("services");
        await Expect(services.Locator("[data-testid=dependency-services] [data-service=grid]")).ToHaveAttributeAsync("data-status", "down");
        await Expect(services.Locator("[data-testid=own-services] [data-service=online-banking]")).ToHaveAttributeAsync("data-status", "up");
        await Expect(services.Locator("[data-testid=own-services] [data-service=online-banking]")).ToContainTextAsync("runs 03:00:00 without it");

        await control.GetByTestId("set-service-id").SelectOptionAsync("online-banking");
        await control.GetByTestId("set-service-status").SelectOptionAsync("degraded");
        await control.GetByTestId("set-service-note").FillAsync("Slow logins reported");
        await control.GetByTestId("set-service-do").ClickAsync();
        await Expect(graph.Locator("tr[data-service=online-banking]")).ToHaveAttributeAsync("data-status", "degraded");
        await Expect(services.Locator("[data-testid=own-services] [data-service=online-banking]")).ToHaveAttributeAsync("data-status", "degraded");
        await Expect(graph.Locator("tr[data-service=online-banking]")).ToContainTextAsync("set by the control cell");

        await Screenshots.TakeAsync(graph, "controller-services");
        Assert.Contains(await fixture.EventsAsync(id), e => e.Kind == "service-changed");
    }

    [Fact]
    public async Task The_MSEL_board_shows_why_a_held_inject_waits_and_the_controller_cancels_one_with_a_reason()
    {
        var id = await fixture.CreateExerciseAsync(Scenario);
        var (controlContext, control) = await fixture.OpenAsync(await fixture.IssueLinkAsync(id, "controller", "Control"), $"/control/{id}");
        var (powerContext, power) = await fixture.OpenAsync(await fixture.IssueLinkAsync(id, "participant", "Tanaka", "power", "manager"), "/console");
        await using var _ = controlContext;
        await using var __ = powerContext;
        await fixture.StartAsync(id);

        var board = control.GetByTestId("board");
        await Expect(board.Locator("tr[data-inject=d1-news]")).ToHaveAttributeAsync("data-status", "fired");
        var held = board.Locator("tr[data-inject=d5-held]");
        await Expect(held).ToHaveAttributeAsync("data-status", "held");
        await held.GetByRole(AriaRole.Button).ClickAsync();
        var hold = control.GetByTestId("hold");
        await Expect(hold).ToHaveAttributeAsync("data-status", "held");
        await Expect(hold.Locator("h4")).ToHaveTextAsync("Held: waiting for its conditions");
        var decision = hold.Locator("[data-testid=hold-when] li[data-kind=decision]");
        await Expect(decision).ToHaveAttributeAsync("data-met", "false");
        await Expect(decision.Locator(".condition")).Not.ToBeEmptyAsync();
        await Expect(hold).ToContainTextAsync("Cancelled if still held at 05:00:00.");
        await Expect(hold.GetByTestId("hold-release")).ToBeDisabledAsync();
        await Screenshots.TakeAsync(control.Locator("#board"), "controller-held");

        // The power company restores the grid: the decision meets the condition, and the inject is released.
        await Inbox(power, "d4-attack").ClickAsync();
        await power.GetByTestId("choice").SelectOptionAsync("restore");
        await power.GetByTestId("decide").ClickAsync();
        await Expect(decision).ToHaveAttributeAsync("data-met", "true");
        await Expect(held).ToHaveAttributeAsync("data-status", new Regex("^(released|fired)$"));

        // The consequence waits for online banking to go down; the controller cancels it, with the reason recorded.
        var consequence = board.Locator("tr[data-inject=d6-consequence]");
        await Expect(consequence).ToHaveAttributeAsync("data-status", "held");
        await consequence.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(hold.Locator("[data-testid=hold-when] li[data-kind=service]")).ToHaveAttributeAsync("data-met", "false");
        await hold.GetByTestId("hold-action-reason").FillAsync("Not needed in this run");
        await hold.GetByTestId("hold-cancel").ClickAsync();
        await Expect(consequence).ToHaveAttributeAsync("data-status", "cancelled");
        await Expect(hold.GetByTestId("hold-reason")).ToContainTextAsync("Not needed in this run");
        Assert.Contains(await fixture.EventsAsync(id), e => e.Kind == "inject-cancelled" && e.InjectId == "d6-consequence");
    }
}
