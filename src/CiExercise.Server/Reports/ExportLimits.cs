namespace CiExercise.Server.Reports;

/// <summary>
/// Bounds of an import (configuration section Limits): the body, the number of events, one event's payload and one
/// JSON value (the scenario). An export of the largest exercise the product runs (850 organizations, a few hundred
/// thousand events) fits the defaults with room to spare. And the rows of a timeline download (a spreadsheet's limit).
/// </summary>
public sealed class ExportLimits
{
    public long Bytes { get; init; } = 256L * 1024 * 1024;

    public int Events { get; init; } = 5_000_000;

    public int PayloadBytes { get; init; } = 256 * 1024;

    public int ValueBytes { get; init; } = 16 * 1024 * 1024;

    public int TimelineRows { get; init; } = Review.Report.TimelineTable.MaxRows;

    public static ExportLimits From(IConfiguration configuration)
    {
        var defaults = new ExportLimits();
        return new ExportLimits
        {
            Bytes = configuration.GetValue("Limits:ImportBytes", defaults.Bytes),
            Events = configuration.GetValue("Limits:ImportEvents", defaults.Events),
            TimelineRows = Math.Min(configuration.GetValue("Limits:TimelineRows", defaults.TimelineRows), defaults.TimelineRows),
        };
    }
}
