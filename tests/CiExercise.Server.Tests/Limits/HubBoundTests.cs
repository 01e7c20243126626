using CiExercise.Client;
using CiExercise.Contracts.Exercises;
using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Infrastructure;
using CiExercise.Server.Tests.Realtime;
using Serilog.Events;

namespace CiExercise.Server.Tests.Limits;

/// <summary>
/// The hub checks the same bounds as HTTP, with the same field names, before any grain is called; and a
/// refused call is one warning that says who, what and why, never an error a participant can cause at will.
/// </summary>
public sealed class HubBoundTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly HubHarness _hub = new(server.Factory);

    [Fact]
    public async Task Hub_arguments_over_their_bounds_are_refused_naming_the_field()
    {
        var (id, bank) = await StartedAsync();
        var before = await server.Api.LastSeqAsync(id);

        var longInject = await RefusedAsync(() => bank.Decide(id, new string('i', Contracts.Limits.IdLength + 1), null, "text", null, null));
        var longText = await RefusedAsync(() => bank.Decide(id, "i1-alert", null, new string('x', Contracts.Limits.TextLength + 1), null, null));
        var manyRecipients = await RefusedAsync(() => bank.SendMessage(id,
            new OutgoingMessage(Enumerable.Repeat("power", Contracts.Limits.Organizations + 1).ToArray(), "s", "b", null, null), null));
        var longExercise = await RefusedAsync(() => bank.GetExercise(new string('e', Contracts.Limits.IdLength + 1)));

        Assert.All([longInject, longText, manyRecipients, longExercise], e => Assert.Equal("request.invalid", e.Code));
        Assert.Contains("'injectId'", longInject.Message);
        Assert.Contains("'text'", longText.Message);
        Assert.Contains("'to'", manyRecipients.Message);
        Assert.Contains("'exerciseId'", longExercise.Message);
        Assert.Equal(before, await server.Api.LastSeqAsync(id));
    }

    [Fact]
    public async Task The_largest_call_within_the_bounds_fits_in_one_hub_message()
    {
        var (id, bank) = await StartedAsync();

        // The .NET client's JSON sends Japanese as six-byte \u escapes: about 48 KB, over SignalR's default of 32 KB.
        var receipt = await bank.Decide(id, "i1-alert", null, new string('本', Contracts.Limits.TextLength), null, null)
            .WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken);

        Assert.True(receipt.Seq > 0);
    }

    [Fact]
    public async Task A_refused_hub_call_is_one_warning_naming_the_caller_the_method_and_the_code_and_no_error()
    {
        var (id, bank) = await StartedAsync();
        var errorsBefore = Errors().Count;

        var denied = await RefusedAsync(() => bank.RecordObservation(id, new Observation(ObservationKind.Strength, null, "self-praise", [], [], []), null));
        var rule = await RefusedAsync(() => bank.Acknowledge(id, "no-such-inject", null));
        var bound = await RefusedAsync(() => bank.Acknowledge(id, new string('i', Contracts.Limits.IdLength + 1), null));

        foreach (var (method, refusal) in new[] { ("RecordObservation", denied), ("Acknowledge", rule), ("Acknowledge", bound) })
        {
            var warnings = server.Factory.Logs.Events.Where(e => e.Level == LogEventLevel.Warning
                && CapturedLogs.Text(e, "HubMethod") == method && CapturedLogs.Text(e, "Code") == refusal.Code).ToList();
            var warning = Assert.Single(warnings);
            Assert.Equal((nameof(PrincipalKind.Participant), "bank", id), (CapturedLogs.Text(warning, "Kind"), CapturedLogs.Text(warning, "OrgId"),
                CapturedLogs.Text(warning, "PrincipalExerciseId")));
            Assert.NotNull(CapturedLogs.Text(warning, "ConnectionId"));
            Assert.Null(warning.Exception);
        }
        Assert.Equal(errorsBefore, Errors().Count);
    }

    private List<LogEvent> Errors() => server.Factory.Logs.Events.Where(e => e.Level >= LogEventLevel.Error).ToList();

    private async Task<(string Id, ExerciseConnection Bank)> StartedAsync()
    {
        var id = await _hub.CreateExerciseAsync();
        await _hub.Exercise(id).Start(HubHarness.Control);
        var bank = await _hub.ConnectAsync((await _hub.IssueAsync(PrincipalKind.Participant, id, "bank", "staff")).Token);
        return (id, bank);
    }

    private static Task<ExerciseHubException> RefusedAsync(Func<Task> call) =>
        Assert.ThrowsAsync<ExerciseHubException>(() => call().WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken));
}
