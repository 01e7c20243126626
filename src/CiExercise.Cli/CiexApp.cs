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
        return new RootCommand("CiExercise tools: validate scenario files, print their inject schedule, load-test a server.")
        {
            ValidateCommand(output),
            MselCommand(output, time),
            Load.LoadCommand.Load(output, error, new Load.Figures.StoreCeiling()),
            Load.LoadCommand.BareHub(output),
        };
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
        var speed = new Option<double>("--speed")
        {
            Description = $"Scenario seconds per wall second ({MinSpeed} to {MaxSpeed}).",
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
