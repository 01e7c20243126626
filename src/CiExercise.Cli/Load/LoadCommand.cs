using System.CommandLine;
using System.Globalization;
using CiExercise.Cli.Load.Baseline;
using CiExercise.Cli.Load.Figures;
using CiExercise.Cli.Load.Scenario;

namespace CiExercise.Cli.Load;

/// <summary>The `load` command and the hidden `bare-hub` it starts.</summary>
public static class LoadCommand
{
    public static Command Load(TextWriter output, TextWriter error, IStoreCeiling ceiling)
    {
        var defaults = new LoadOptions();
        var organizations = Int("--organizations", $"Organizations ({LoadOptions.MinOrganizations} to {LoadOptions.MaxOrganizations}).", defaults.Organizations);
        var participants = Int("--participants", $"Consoles per organization (1 to {LoadOptions.MaxParticipants}).", defaults.Participants);
        var speed = new Option<double>("--speed") { Description = $"Scenario seconds per wall second ({LoadOptions.MinSpeed} to {LoadOptions.MaxSpeed}).", DefaultValueFactory = _ => defaults.Speed };
        var duration = Seconds("--duration", "Wall seconds of play from STARTEX to the last inject.", defaults.Duration);
        var injects = Int("--injects", $"Scripted injects after STARTEX (1 to {LoadOptions.MaxInjects}).", defaults.Injects);
        var delay = new Option<string>("--action-delay")
        {
            Description = "A participant's think time before each action, MIN-MAX seconds (for example 0.5-3).",
            DefaultValueFactory = _ => string.Create(CultureInfo.InvariantCulture, $"{defaults.ActionDelayMin.TotalSeconds}-{defaults.ActionDelayMax.TotalSeconds}"),
        };
        var server = new Option<string?>("--server") { Description = "A running server on this machine to target instead of starting one (needs --token)." };
        var token = new Option<string?>("--token") { Description = "A controller's session token for --server." };
        var serverDll = new Option<string?>("--server-dll") { Description = "The built CiExercise.Server.dll to start (default: the newest in this checkout)." };
        var json = new Option<string?>("--json") { Description = "Also write the figures to this JSON file." };
        var serverLog = new Option<string?>("--server-log") { Description = "Keep the started server's output (its log) in this file." };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Measure the product only, without the bare hub." };
        var storm = new Option<bool>("--storm") { Description = "Drop every console at once half-way and time the catch-up (true or false).", DefaultValueFactory = _ => true };
        var timeout = Seconds("--timeout", "The longest any phase (connecting, the storm, settling, the end) may take.", defaults.Timeout);
        var writeScenario = new Option<string?>("--write-scenario") { Description = "Only write the generated scenario to this file (for a server started by hand) and exit." };

        var command = new Command("load", "Load-test a server with N organizations × M live consoles against a bare SignalR hub, and print the figures.")
        {
            organizations, participants, speed, duration, injects, delay, server, token, serverDll, json, serverLog, noBaseline, storm, timeout, writeScenario,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!TryRange(parse.GetValue(delay)!, out var min, out var max))
            {
                await error.WriteLineAsync($"ciex load: --action-delay must be MIN-MAX seconds such as 0.5-3 (got '{parse.GetValue(delay)}').");
                return 1;
            }
            Uri? target = null;
            if (parse.GetValue(server) is { } address && !(Uri.TryCreate(address, UriKind.Absolute, out target) && target.Scheme is "http" or "https"))
            {
                await error.WriteLineAsync($"ciex load: --server must be an http:// or https:// address such as http://127.0.0.1:5080/ (got '{address}').");
                return 1;
            }
            var options = new LoadOptions
            {
                Organizations = parse.GetValue(organizations), Participants = parse.GetValue(participants), Speed = parse.GetValue(speed),
                Duration = parse.GetValue(duration), Injects = parse.GetValue(injects), ActionDelayMin = min, ActionDelayMax = max,
                Server = target, Token = parse.GetValue(token), ServerDll = parse.GetValue(serverDll), JsonPath = parse.GetValue(json),
                ServerLog = parse.GetValue(serverLog),
                Baseline = !parse.GetValue(noBaseline), Storm = parse.GetValue(storm), Timeout = parse.GetValue(timeout),
            };
            if (parse.GetValue(writeScenario) is { } path) return await WriteScenarioAsync(options, path, output, error);
            return await new LoadRunner(output, error, ceiling).RunAsync(options, cancellationToken);
        });
        return command;
    }

    public static Command BareHub(TextWriter output)
    {
        var port = new Option<int>("--port") { Description = "Loopback port to listen on.", Required = true };
        var command = new Command("bare-hub", "The load test's baseline: a bare SignalR hub (started by `ciex load`).") { port };
        command.Hidden = true;
        command.SetAction((parse, cancellationToken) => BareHubHost.RunAsync(parse.GetValue(port), output, cancellationToken));
        return command;
    }

    private static async Task<int> WriteScenarioAsync(LoadOptions options, string path, TextWriter output, TextWriter error)
    {
        if (options.Check() is { } problem)
        {
            await error.WriteLineAsync($"ciex load: {problem}");
            return 1;
        }
        var (yaml, scenario) = LoadScenarioWriter.Generate(options);
        await File.WriteAllTextAsync(path, yaml);
        await output.WriteLineAsync($"{path}: scenario '{scenario.Id}', {scenario.Organizations.Count} organizations, {scenario.Injects.Count} injects");
        return 0;
    }

    /// <summary>"MIN-MAX" or a single value, in seconds, as a range; bounds are checked by LoadOptions.</summary>
    internal static bool TryRange(string text, out TimeSpan min, out TimeSpan max)
    {
        var parts = text.Split('-', 2);
        min = max = TimeSpan.Zero;
        if (!double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var low)) return false;
        var high = low;
        if (parts.Length == 2 && !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out high)) return false;
        if (double.IsNaN(low) || double.IsNaN(high) || low < 0 || high > 3600) return false;
        (min, max) = (TimeSpan.FromSeconds(low), TimeSpan.FromSeconds(high));
        return true;
    }

    private static Option<int> Int(string name, string description, int value) =>
        new(name) { Description = description, DefaultValueFactory = _ => value };

    private static Option<TimeSpan> Seconds(string name, string description, TimeSpan value) => new(name)
    {
        Description = $"{description} Seconds (default {value.TotalSeconds}).",
        DefaultValueFactory = _ => value,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 86_400)
                return TimeSpan.FromSeconds(seconds);
            result.AddError($"{name} must be a number of seconds (got '{text}').");
            return TimeSpan.Zero;
        },
    };
}
