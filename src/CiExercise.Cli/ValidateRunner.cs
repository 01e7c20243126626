using CiExercise.Scenarios;

namespace CiExercise.Cli;

/// <summary>ciex validate: every diagnostic of every file, then one summary line per valid file.</summary>
public sealed class ValidateRunner(TextWriter output)
{
    public int Run(IReadOnlyList<string> files)
    {
        var failed = false;
        foreach (var file in files)
        {
            var result = ScenarioParser.ParseFile(file);
            foreach (var diagnostic in result.Diagnostics)
            {
                output.WriteLine(diagnostic);
            }

            if (result.Scenario is { } scenario)
            {
                var warnings = result.Diagnostics.Count;
                output.WriteLine($"{file}: valid: scenario '{scenario.Id}', {scenario.Organizations.Count} organizations, " +
                                 $"{scenario.Injects.Count} injects, {warnings} warning(s)");
            }
            else
            {
                failed = true;
            }
        }

        return failed ? 1 : 0;
    }
}
