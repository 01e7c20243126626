using System.CommandLine;
using System.Globalization;

namespace CiExercise.Cli;

/// <summary>The ciex command tree. Output goes to the given writers so tests run it in process.</summary>
public static class CiexApp
{
    public const double MinSpeed = 0.1;
    public const double MaxSpeed = 3600;

    /// <summary>How long Ctrl+C waits for a command to clean up (a load run kills its children at once, then removes its scratch folder).</summary>
    private static readonly TimeSpan CleanUpAfterCancel = TimeSpan.FromSeconds(20);

    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider time) =>
        Root(output, error, time).Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });

    /// <summary>As <see cref="Run"/>, with Ctrl+C and SIGTERM cancelling the command rather than killing the process.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time) =>
        Root(output, error, time).Parse(args).InvokeAsync(
            new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = CleanUpAfterCancel });

    private static RootCommand Root(TextWriter output, TextWriter error, TimeProvider time)
    {
        return new RootCommand("CiExercise tools: validate scenario files, print their inject schedule, turn them into spreadsheets and back, rehearse them, load-test a server, test a cluster against faults, download reports.")
        {
            ValidateCommand(output),
            MselCommand(output, time),
            Load.LoadCommand.Load(output, error, new Load.Figures.StoreCeiling()),
            Load.LoadCommand.BareHub(output),
            Cluster.ClusterTestCommand.Create(output, error),
            ReportCommand(output, error),
            ExportCommand(output),
            ImportCommand(output),
            RehearseCommand(output, error),
        };
    }

    private static Command ReportCommand(TextWriter output, TextWriter error)
    {
        var exercise = new Argument<string>("EXERCISE") { Description = "The exercise id." };
        var server = new Option<Uri>("--server")
        {
            Description = "The server's address, e.g. https://ciex.example.org/.",
            Required = true,
            CustomParser = result => ParseServer(result.Tokens.Single().Value, result),
        };
        var format = new Option<string>("--format") { Description = "md, csv (one table), xlsx (every table and the timeline) or json (the whole record).", Required = true };
        format.AcceptOnlyFromAmong(ReportRunner.Formats);
        var outFile = new Option<string>("--out") { Description = "The file to write.", Required = true };
        var table = new Option<string?>("--table") { Description = "With --format csv: the table id (timeline: every event)." };
        var language = new Option<string>("--lang") { Description = "ja or en.", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("ja", "en");
        var token = new Option<string?>("--token") { Description = $"A controller's or evaluator's token; default: the {ReportRunner.TokenVariable} environment variable." };
        var command = new Command("report", "Download an exercise's after-action report, one of its tables, or its whole record.")
        {
            exercise, server, format, outFile, table, language, token,
        };
        command.SetAction((parse, cancellationToken) => new ReportRunner(output, error).RunAsync(
            parse.GetValue(exercise)!, WithSlash(parse.GetValue(server)!), parse.GetValue(format)!, parse.GetValue(outFile)!, parse.GetValue(table),
            parse.GetValue(language)!, parse.GetValue(token), cancellationToken));
        return command;
    }

    private static Command RehearseCommand(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "The scenario file." };
        var speed = SpeedOption("The speed the exercise would run at: scenario seconds per wall second");
        var participants = new Option<string>("--participants")
        {
            Description = "How the simulated participants play: prompt, slow, silent, or random (drawn per organization and inject).",
            DefaultValueFactory = _ => "prompt",
        };
        participants.AcceptOnlyFromAmong("prompt", "slow", "silent", "random");
        var seed = new Option<int>("--seed") { Description = "The seed of the participants' draws: the same seed gives the same report.", DefaultValueFactory = _ => 1 };
        var language = new Option<string>("--lang") { Description = "ja or en.", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("ja", "en");
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("rehearse",
            "Rehearse a scenario in process (the real engine, store and hub, simulated participants, a virtual clock) and report what it found.")
        {
            file, speed, participants, seed, language, json,
        };
        // A bar redrawn in place is for a person at a terminal; a redirected error output gets none.
        var bar = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        command.SetAction((parse, cancellationToken) => new Rehearsal.RehearseRunner(output, error, bar).RunAsync(
            parse.GetValue(file)!,
            new Rehearsal.RehearsalOptions(parse.GetValue(speed), Rehearsal.RehearseRunner.ParseBehaviour(parse.GetValue(participants)!), parse.GetValue(seed)),
            parse.GetValue(language)!, parse.GetValue(json), cancellationToken));
        return command;
    }

    private static Option<double> SpeedOption(string description)
    {
        var speed = new Option<double>("--speed")
        {
            Description = $"{description} ({MinSpeed} to {MaxSpeed}).",
            DefaultValueFactory = _ => 1,
        };
        speed.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (value is < MinSpeed or > MaxSpeed || double.IsNaN(value))
            {
                result.AddError($"--speed must be between {MinSpeed} and {MaxSpeed}.");
            }
        });
        return speed;
    }

    private static Uri? ParseServer(string text, System.CommandLine.Parsing.ArgumentResult result)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri;
        result.AddError($"--server '{text}' is not an http or https address such as https://ciex.example.org/.");
        return null;
    }

    /// <summary>A base address without a trailing slash would drop its last segment from every relative path.</summary>
    private static Uri WithSlash(Uri server) => server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");

    private static Command ExportCommand(TextWriter output)
    {
        var file = new Argument<string>("FILE") { Description = "The scenario file." };
        var format = new Option<string>("--format") { Description = "xlsx (every section, one sheet each) or csv (the injects).", Required = true };
        format.AcceptOnlyFromAmong(ExportRunner.Formats);
        var outFile = new Option<string?>("--out") { Description = "The file to write; default: FILE with the format's extension." };
        var command = new Command("export", "Export a scenario as a spreadsheet MSEL (.xlsx or the injects as .csv).") { file, format, outFile };
        command.SetAction(parse => new ExportRunner(output).RunAsync(parse.GetValue(file)!, parse.GetValue(format)!, parse.GetValue(outFile)));
        return command;
    }

    private static Command ImportCommand(TextWriter output)
    {
        var file = new Argument<string>("FILE") { Description = "A spreadsheet MSEL: .xlsx (a sheet per section) or .csv (the injects)." };
        var outFile = new Option<string>("--out") { Description = "The scenario file (YAML) to write.", Required = true };
        var baseFile = new Option<string?>("--base") { Description = "A scenario file giving the sections FILE lacks (a .csv's all but the injects)." };
        var map = new Option<string[]>("--map") { Description = "\"Header text=column-key\": read a column of your own under a key; repeat for more." };
        map.Validators.Add(result =>
        {
            if (ImportRunner.ParseMap(result.GetValueOrDefault<string[]>() ?? []).Error is { } error) result.AddError(error);
        });
        var command = new Command("import", "Import a spreadsheet MSEL, validate it like ciex validate, and write it as a scenario file.")
        {
            file, outFile, baseFile, map,
        };
        command.SetAction(parse => new ImportRunner(output, Scenarios.Writing.ScenarioWriter.Write).RunAsync(
            parse.GetValue(file)!, parse.GetValue(outFile)!, parse.GetValue(baseFile), ImportRunner.ParseMap(parse.GetValue(map) ?? []).Map));
        return command;
    }

    private static Command ValidateCommand(TextWriter output)
    {
        var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "Scenario files to validate." };
        var command = new Command("validate", "Validate scenario files; exit 1 when any has an error.") { files };
        command.SetAction(parse => new ValidateRunner(output).Run(parse.GetValue(files)!));
        return command;
    }

    private static Command MselCommand(TextWriter output, TimeProvider time)
    {
        var file = new Argument<string>("FILE") { Description = "The scenario file." };
        var speed = SpeedOption("Scenario seconds per wall second");
        var start = new Option<DateTimeOffset?>("--start")
        {
            Description = "Wall time of STARTEX, ISO 8601, with or without offset (local time when none). Default: now.",
            CustomParser = result => ParseWallTime(result.Tokens.Single().Value, result),
        };
        var command = new Command("msel", "Print the inject schedule in scenario, story and wall time.") { file, speed, start };
        command.SetAction(parse => new MselRunner(output).Run(
            parse.GetValue(file)!, parse.GetValue(speed), parse.GetValue(start) ?? time.GetLocalNow()));
        return command;
    }

    private static DateTimeOffset? ParseWallTime(string text, System.CommandLine.Parsing.ArgumentResult result)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var value))
        {
            return value;
        }

        result.AddError($"--start '{text}' is not an ISO 8601 date-time such as 2025-11-18T09:00 or 2025-11-18T09:00+09:00.");
        return null;
    }
}
