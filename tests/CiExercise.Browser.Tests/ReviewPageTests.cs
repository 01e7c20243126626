using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CiExercise.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static CiExercise.Browser.Tests.Infrastructure.ConsoleSetup;
using static Microsoft.Playwright.Assertions;

namespace CiExercise.Browser.Tests;

/// <summary>
/// The after-action review in the browser, each test on its own played exercise of the browser-review scenario:
/// the participant's severity rating and hot wash, the review's timeline, replay and charts, an evaluator's task
/// rating, and the report printed to an A4 PDF.
/// </summary>
public sealed class ReviewPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string ScenarioId = "browser-review";

    static ReviewPageTests() => SetDefaultExpectTimeout(ExpectTimeout.Milliseconds);

    [Fact]
    public async Task A_participant_rates_severity_in_its_decision_and_answers_the_hot_wash_once_the_exercise_ended()
    {
        var (id, bankContext, bank) = await PlayAsync(screenshotSeverity: true);
        await using var _ = bankContext;

        var hotWash = bank.GetByTestId("hotwash");
        await Expect(hotWash).ToBeVisibleAsync();
        await Expect(hotWash.GetByTestId("hw-submit")).ToBeDisabledAsync();
        await hotWash.GetByTestId("hw-realism-4").CheckAsync();
        await hotWash.GetByTestId("hw-preparedness-3").CheckAsync();
        await hotWash.GetByTestId("hw-sharing-5").CheckAsync();
        await hotWash.GetByTestId("hw-went-well").FillAsync("Reporting to the ministry was fast.");
        await hotWash.GetByTestId("hw-submit").ClickAsync();
        await Expect(hotWash.GetByTestId("note")).ToContainTextAsync("Recorded");

        using var review = JsonDocument.Parse(await fixture.ControllerApi.GetStringAsync($"/api/exercises/{id}/review", TestContext.Current.CancellationToken));
        var entry = Assert.Single(review.RootElement.GetProperty("participation").GetProperty("hotWash").EnumerateArray());
        Assert.Equal("bank", entry.GetProperty("organizationId").GetString());
        Assert.Contains(entry.GetProperty("answers").EnumerateArray(), a => a.GetProperty("questionId").GetString() == "realism" && a.GetProperty("rating").GetInt32() == 4);

        // Its own review: the organization's record, without the evaluation or the improvement plan.
        await hotWash.GetByTestId("review-link").ClickAsync();
        await Expect(bank).ToHaveURLAsync(new Regex("/review$"));
        await Expect(bank.GetByTestId("review-timeline")).ToBeVisibleAsync();
        await Expect(bank.GetByTestId("tab-evaluation")).ToHaveCountAsync(0);
        await Expect(bank.GetByTestId("tab-improvement")).ToHaveCountAsync(0);
        await Expect(bank.GetByTestId("exercise-banner")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_review_shows_the_timeline_with_the_controllers_bands_filters_it_replays_a_moment_and_draws_the_KPI_charts()
    {
        var (id, bankContext, _) = await PlayAsync();
        await using var _b = bankContext;
        var (controlContext, control) = await OpenReviewAsync(id, "controller", "Control", $"/control/{id}");
        await using var _c = controlContext;

        // The bands: the pause, the speed set and the jump, each once; the axis toggles between story and wall time.
        var bands = control.GetByTestId("bands");
        await Expect(bands.Locator("[data-kind=paused]")).ToHaveCountAsync(1);
        await Expect(bands.Locator("[data-kind=jump]")).ToHaveCountAsync(1);
        await Expect(bands.Locator("[data-kind=speed]").First).ToBeVisibleAsync();
        await control.GetByTestId("tl-wall").CheckAsync();
        await Expect(bands).ToHaveAttributeAsync("data-axis", "wall");
        await control.GetByTestId("tl-scenario").CheckAsync();
        await Expect(bands).ToHaveAttributeAsync("data-axis", "scenario");

        var rows = control.GetByTestId("tl-rows");
        var matched = control.GetByTestId("tl-matched");
        await Expect(rows.Locator("[data-seq]").First).ToBeVisibleAsync();
        var total = int.Parse((await matched.GetAttributeAsync("data-matched"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((await fixture.EventsAsync(id)).Count, total);

        // Filtered on the server: one organization's rows only, then the one decision.
        await control.GetByTestId("tl-organization").SelectOptionAsync("bank");
        await Expect(matched).Not.ToHaveAttributeAsync("data-matched", total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(rows.Locator("[data-seq]").First).ToHaveAttributeAsync("data-org", "bank");
        Assert.Empty(await rows.Locator("[data-seq]:not([data-org=bank])").AllAsync());
        await control.GetByTestId("tl-kind").SelectOptionAsync("decision-recorded");
        await Expect(matched).ToHaveAttributeAsync("data-matched", "1");
        await Expect(rows.Locator("[data-seq]")).ToHaveCountAsync(1);
        await control.GetByTestId("tl-clear").ClickAsync();
        await Expect(matched).ToHaveAttributeAsync("data-matched", total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Screenshots.TakeAsync(control, "review-timeline");

        // The replay: at the start nothing had reached the bank; at the end both injects had, and its view shows the answer.
        await control.GetByTestId("tab-replay").ClickAsync();
        var bankLine = control.Locator("[data-testid=replay-orgs] [data-org=bank]");
        await Expect(bankLine).ToHaveAttributeAsync("data-received", "2");
        await control.GetByTestId("replay-slider").FillAsync("0");
        await Expect(bankLine).ToHaveAttributeAsync("data-received", "0");
        await control.GetByTestId("replay-slider").FillAsync((await control.GetByTestId("replay-slider").GetAttributeAsync("max"))!);
        await Expect(bankLine).ToHaveAttributeAsync("data-received", "2");
        await bankLine.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(control.Locator("[data-testid=replay-inbox] [data-inject=r1-incident]")).ToHaveAttributeAsync("data-state", "answered");
        await Expect(control.GetByTestId("replay-messages")).ToContainTextAsync("Core banking outage reported");

        // The KPIs: the three charts drawn in the page, the chain's path and the severity answer.
        await control.GetByTestId("tab-kpis").ClickAsync();
        foreach (var chart in new[] { "chart-response", "chart-spread", "chart-reach" })
            await Expect(control.GetByTestId(chart).Locator("canvas")).ToHaveAttributeAsync("data-drawn", new Regex("^[0-9]+$"));
        await Expect(control.GetByTestId("chart-reach").Locator("canvas")).Not.ToHaveAttributeAsync("data-drawn", "0");
        await Expect(control.Locator("[data-testid=kpi-chains] [data-origin=bank] [data-testid=chain-path] li").First).ToContainTextAsync("The ministry");
        await Expect(control.Locator("[data-testid=kpi-severity][data-inject=r1-incident]")).ToContainTextAsync("Toto Bank");
        await Screenshots.TakeAsync(control, "review-kpis");
    }

    [Fact]
    public async Task An_evaluator_rates_a_critical_task_with_evidence_and_the_review_shows_the_rating_and_what_nobody_rated()
    {
        var (id, bankContext, _) = await PlayAsync();
        await using var _b = bankContext;
        var decision = (await fixture.EventsAsync(id)).Single(e => e.Kind == "decision-recorded").Seq;
        var (evaluatorContext, evaluator) = await OpenReviewAsync(id, "evaluator", "Suzuki", "/evaluate");
        await using var _e = evaluatorContext;

        await evaluator.GetByTestId("tab-evaluation").ClickAsync();
        await Expect(evaluator.Locator("[data-testid=eval-coverage] [data-task=t-report]")).ToHaveCountAsync(1);
        var form = evaluator.GetByTestId("rate-form");
        await form.GetByTestId("rate-task").SelectOptionAsync("report/t-report");
        await form.GetByTestId("rate-s").CheckAsync();
        await form.GetByTestId("rate-text").FillAsync("Reported within the hour, but without the severity first.");
        await form.GetByTestId("rate-seqs").FillAsync(decision.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByTestId("rate-submit").ClickAsync();
        await Expect(form.GetByTestId("rate-note")).ToContainTextAsync("Recorded");

        var task = evaluator.Locator("[data-testid=eval-objectives] [data-task=t-report]");
        await Expect(task).ToHaveAttributeAsync("data-rating", "s");
        await Expect(task).ToContainTextAsync($"#{decision}");
        await Expect(evaluator.Locator("[data-testid=eval-objectives] [data-objective=report]")).ToHaveAttributeAsync("data-rating", "s");
        await Expect(evaluator.Locator("[data-testid=eval-coverage] [data-task=t-report]")).ToHaveCountAsync(0);
        await Expect(evaluator.Locator("[data-testid=eval-coverage] [data-task=t-rate]")).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(evaluator, "review-evaluation");
    }

    [Fact]
    public async Task The_report_prints_to_an_A4_pdf_and_reads_in_japanese()
    {
        var (id, bankContext, _) = await PlayAsync();
        await using var _b = bankContext;
        var (controlContext, control) = await OpenReviewAsync(id, "controller", "Control", $"/control/{id}");
        await using var _c = controlContext;

        await control.GetByTestId("tab-report").ClickAsync();
        var doc = control.GetByTestId("report-doc");
        await Expect(doc).ToHaveAttributeAsync("lang", "en");
        await Expect(doc.Locator(".report-section").First).ToBeVisibleAsync();
        await Expect(doc).ToContainTextAsync("EXERCISE");
        var sections = await doc.Locator(".report-section").CountAsync();

        // Every printed page's top margin carries the marking and the exercise's name (a rule the page makes itself).
        var pageRules = await control.EvaluateAsync<string>(
            "() => document.adoptedStyleSheets.flatMap(s => [...s.cssRules]).map(r => r.cssText).join('\\n')");
        Assert.Contains("top-center", pageRules, StringComparison.Ordinal);
        Assert.Contains("EXERCISE", pageRules, StringComparison.Ordinal);
        Assert.Contains("Review test", pageRules, StringComparison.Ordinal);

        var pdf = await control.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, Path = Path.Combine(Screenshots.Folder, "review-report.pdf") });
        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF", text, StringComparison.Ordinal);
        // A4 is 595 × 842 points; each section starts a page of its own.
        Assert.Matches(@"/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+841\.\d+|/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+842", text);
        Assert.True(Regex.Count(text, @"/Type\s*/Page\b") >= sections, $"{sections} sections on fewer pages");
        await Screenshots.TakeAsync(control, "review-report");

        var download = await control.RunAndWaitForDownloadAsync(() => control.GetByTestId("report-md").ClickAsync());
        Assert.EndsWith(".md", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains("EXERCISE", await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken), StringComparison.Ordinal);

        await control.GetByTestId("lang").ClickAsync();
        await Expect(doc).ToHaveAttributeAsync("lang", "ja");
        await Expect(control.GetByTestId("tab-report")).ToHaveTextAsync("報告書");
    }

    [Fact]
    public async Task A_corrective_action_is_added_on_the_review_a_stale_edit_is_refused_and_the_next_exercise_carries_it_in()
    {
        var (id, bankContext, _) = await PlayAsync();
        await using var _b = bankContext;
        var (controlContext, control) = await OpenReviewAsync(id, "controller", "Control", $"/control/{id}");
        await using var _c = controlContext;

        await control.GetByTestId("tab-improvement").ClickAsync();
        var form = control.GetByTestId("ca-form");
        await form.GetByTestId("ca-finding").FillAsync("The severity was rated a level too high.");
        await form.GetByTestId("ca-action").FillAsync("Train the CISO office on the national scale.");
        await form.GetByTestId("ca-objective").SelectOptionAsync("report");
        await form.GetByTestId("ca-owner").SelectOptionAsync("bank");
        await form.GetByTestId("ca-save").ClickAsync();
        var row = control.Locator("[data-testid=ca-raised] [data-action]");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToHaveAttributeAsync("data-version", new Regex("^[0-9]+$"));

        // Someone else changes it while it is open in the form: the page's edit names the old version and is refused.
        await row.GetByTestId("ca-edit").ClickAsync();
        var cancel = TestContext.Current.CancellationToken;
        using (var list = JsonDocument.Parse(await fixture.ControllerApi.GetStringAsync($"/api/exercises/{id}/corrective-actions", cancel)))
        {
            var stored = list.RootElement.GetProperty("raised")[0];
            using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/exercises/{id}/corrective-actions/{stored.GetProperty("id").GetString()}")
            {
                Content = JsonContent.Create(new
                {
                    objectiveId = "report", finding = stored.GetProperty("finding").GetString(), action = stored.GetProperty("action").GetString(),
                    ownerOrganizationId = "bank", status = "in-progress",
                }),
            };
            put.Headers.TryAddWithoutValidation("If-Match", $"\"{stored.GetProperty("version").GetInt32()}\"");
            using var answer = await fixture.ControllerApi.SendAsync(put, cancel);
            Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync(cancel));
        }
        await form.GetByTestId("ca-status").SelectOptionAsync("done");
        await form.GetByTestId("ca-save").ClickAsync();
        await Expect(form.GetByTestId("ca-error")).ToContainTextAsync("changed this action meanwhile");
        await Expect(row).ToHaveAttributeAsync("data-status", "in-progress");
        await Expect(control.GetByTestId("trends")).ToBeVisibleAsync();
        await Expect(control.GetByTestId("chart-trend-ratings").Locator("canvas")).ToHaveAttributeAsync("data-drawn", new Regex("^[0-9]+$"));
        await Screenshots.TakeAsync(control, "review-improvement");

        // The next exercise with the bank shows it, still open, on the control console before play.
        var next = $"r-{Guid.NewGuid():N}"[..12];
        using (var created = await fixture.ControllerApi.PostAsJsonAsync("/api/exercises", new { scenarioId = ScenarioId, id = next }, cancel))
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(cancel));
        var (nextContext, nextControl) = await fixture.OpenAsync(await fixture.IssueLinkAsync(next, "controller", "Control"), $"/control/{next}");
        await using var _n = nextContext;
        var carried = nextControl.GetByTestId("carried-panel");
        await Expect(carried).ToContainTextAsync("Train the CISO office on the national scale.");
        await Expect(carried).ToContainTextAsync(id);
    }

    /// <summary>
    /// Plays the scenario with the bank's console: the incident acknowledged, decided with a severity rating and
    /// reported to the ministry and the CEPTOAR; the controller pauses, resumes, speeds up, jumps to the follow-up and ends.
    /// </summary>
    private async Task<(string Id, IBrowserContext Context, IPage Bank)> PlayAsync(bool screenshotSeverity = false)
    {
        var id = $"r-{Guid.NewGuid():N}"[..12];
        using (var created = await fixture.ControllerApi.PostAsJsonAsync("/api/exercises", new { scenarioId = ScenarioId, id }, TestContext.Current.CancellationToken))
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var (context, bank) = await fixture.OpenAsync(await fixture.IssueLinkAsync(id, "participant", "Sato", "bank", "ciso"), "/console");
        await fixture.StartAsync(id);

        await Inbox(bank, "r1-incident").ClickAsync();
        await bank.GetByTestId("acknowledge").ClickAsync();
        await Expect(bank.GetByTestId("acknowledged")).ToBeVisibleAsync();
        await bank.GetByTestId("choice").SelectOptionAsync("isolate");
        await Expect(bank.GetByTestId("decide")).ToBeDisabledAsync();
        await bank.GetByTestId("severity-continuity-2").CheckAsync();
        await bank.GetByTestId("severity-safety-1").CheckAsync();
        await Expect(bank.GetByTestId("decide")).ToBeDisabledAsync();
        await bank.GetByTestId("severity-trust-3").CheckAsync();
        await Expect(bank.GetByTestId("severity-level")).ToHaveAttributeAsync("data-level", "3");
        if (screenshotSeverity) await Screenshots.TakeAsync(bank, "participant-severity");
        await bank.GetByTestId("decide").ClickAsync();
        await Expect(bank.GetByTestId("decisions")).ToContainTextAsync("Level 3");

        var share = bank.Locator("form.share-form");
        await share.Locator("[data-org=ministry]").CheckAsync();
        await share.Locator("[data-org=fin-ceptoar]").CheckAsync();
        await bank.GetByTestId("subject").FillAsync("Core banking outage reported");
        await bank.GetByTestId("message-body").FillAsync("Core banking is down since 09:01; isolated.");
        await share.GetByLabel("Regarding inject").SelectOptionAsync("r1-incident");
        await bank.GetByTestId("send").ClickAsync();
        await Expect(bank.GetByTestId("shared")).ToContainTextAsync("Core banking outage reported");

        await ControlAsync(id, "pause");
        await ControlAsync(id, "resume");
        await ControlAsync(id, "speed", new { speed = 120 });
        await ControlAsync(id, "jump", new { to = "next-inject" });
        await Expect(Inbox(bank, "r2-follow-up")).ToHaveCountAsync(1);
        await ControlAsync(id, "end");
        await Expect(bank.GetByTestId("exercise-status")).ToHaveAttributeAsync("data-status", "ended");
        return (id, context, bank);
    }

    private async Task ControlAsync(string id, string command, object? body = null)
    {
        using var response = await fixture.ControllerApi.PostAsJsonAsync($"/api/exercises/{id}/{command}", body ?? new { }, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{command}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }

    /// <summary>Opens a staff member's console, then its review through the console's link.</summary>
    private async Task<(IBrowserContext Context, IPage Page)> OpenReviewAsync(string id, string kind, string name, string console)
    {
        var (context, page) = await fixture.OpenAsync(await fixture.IssueLinkAsync(id, kind, name), console);
        await page.GetByTestId("review-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/review/{id}"));
        await Expect(page.GetByTestId("review-seq")).ToBeVisibleAsync();
        return (context, page);
    }
}
