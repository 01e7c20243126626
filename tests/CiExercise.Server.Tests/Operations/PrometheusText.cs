using System.Globalization;

namespace CiExercise.Server.Tests.Operations;

/// <summary>A Prometheus text exposition read as the sum of each metric's samples over all their labels.</summary>
internal sealed class PrometheusText(string text)
{
    public string Text { get; } = text;

    /// <summary>The sum of the samples named exactly <paramref name="name"/>, or null when there is none.</summary>
    public double? Sum(string name)
    {
        double? sum = null;
        foreach (var line in Text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var end = line.IndexOfAny(['{', ' ']);
            if (end <= 0 || line[..end] != name) continue;
            // The value follows the labels (which may hold spaces in quotes); an optional timestamp follows the value.
            var rest = line[(line[end] == '{' ? line.LastIndexOf('}') + 1 : end)..].Trim().Split(' ');
            sum = (sum ?? 0) + double.Parse(rest[0], CultureInfo.InvariantCulture);
        }
        return sum;
    }

    public double Delta(PrometheusText before, string name) => (Sum(name) ?? 0) - (before.Sum(name) ?? 0);
}
