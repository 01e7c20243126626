using CiExercise.Cli.Load.Api;
using CiExercise.Cli.Load.Scenario;

namespace CiExercise.Cli.Load;

/// <summary>What the product run leaves for the baseline to repeat: the seats, the record, STARTEX and the sizes on the wire.</summary>
public sealed record ProductRecord(
    IReadOnlyList<Seat> Seats, IReadOnlyList<LogRow> Log, DateTimeOffset Started, IReadOnlyDictionary<long, int> WireBytes);
