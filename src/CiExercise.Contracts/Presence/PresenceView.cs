using CiExercise.Contracts.Scenarios;

namespace CiExercise.Contracts.Presence;

/// <summary>
/// Who is connected to one exercise now (staff only; not an exercise event, so not in the log): the consoles
/// open per organization with the names signed in, per sector, and the staff consoles by kind.
/// </summary>
public sealed record PresenceView(
    string ExerciseId,
    DateTimeOffset At,
    int Connections,
    int Controllers,
    int Evaluators,
    int Observers,
    IReadOnlyList<SectorPresence> Sectors,
    IReadOnlyList<OrganizationPresence> Organizations);

/// <summary>One organization: consoles open and the distinct participant names behind them (Simulated: the control cell plays it).</summary>
public sealed record OrganizationPresence(string OrganizationId, Sector Sector, bool Simulated, int Connections, IReadOnlyList<string> Names);

/// <summary>One sector: its organizations, how many have at least one console open, and the consoles.</summary>
public sealed record SectorPresence(Sector Sector, int Organizations, int Connected, int Connections);
