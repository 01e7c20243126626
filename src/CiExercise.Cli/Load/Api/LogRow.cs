using System.Text.Json;
using CiExercise.Contracts.Events;

namespace CiExercise.Cli.Load.Api;

/// <summary>One row of GET /api/exercises/{id}/events as a controller reads it.</summary>
public sealed record LogRow(
    long Seq, EventKind Kind, DateTimeOffset WallTime, TimeSpan ScenarioTime, string? OrganizationId, Actor Actor,
    string? InjectId, long? RefSeq, JsonElement Payload);

public sealed record LogPage(IReadOnlyList<LogRow> Events, long NextAfter, bool HasMore);
