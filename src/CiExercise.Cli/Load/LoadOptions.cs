namespace CiExercise.Cli.Load;

/// <summary>
/// What one `ciex load` run does. Every value is checked against the bounds below before anything starts
/// (see <see cref="LoadCommand"/>), so a run is always finite in connections, injects and time.
/// </summary>
public sealed record LoadOptions
{
    public const int MinOrganizations = 4;
    public const int MaxOrganizations = 2000;
    public const int MaxParticipants = 16;
    public const int MaxConsoles = 20_000;
    public const double MinSpeed = 1;
    public const double MaxSpeed = 3600;
    public const int MaxInjects = 500;
    public static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxActionDelay = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan MinTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(2);

    public int Organizations { get; init; } = 850;

    /// <summary>Consoles per organization, each one participant.</summary>
    public int Participants { get; init; } = 8;

    /// <summary>Scenario seconds per wall second.</summary>
    public double Speed { get; init; } = 240;

    /// <summary>Wall time of play from STARTEX to the last scripted inject's window.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Scripted injects after the all-hands STARTEX.</summary>
    public int Injects { get; init; } = 24;

    /// <summary>A participant's think time before each action, drawn uniformly from this range.</summary>
    public TimeSpan ActionDelayMin { get; init; } = TimeSpan.FromSeconds(0.5);

    public TimeSpan ActionDelayMax { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>A running server to target instead of starting one, and a controller token for it.</summary>
    public Uri? Server { get; init; }

    public string? Token { get; init; }

    /// <summary>The built CiExercise.Server.dll to start; found in the checkout when not given.</summary>
    public string? ServerDll { get; init; }

    public string? JsonPath { get; init; }

    /// <summary>Keep the started server's whole output (its log) in this file.</summary>
    public string? ServerLog { get; init; }

    public bool Baseline { get; init; } = true;

    public bool Storm { get; init; } = true;

    /// <summary>How long any one phase (connecting, playing, catching up, the storm) may take before the run fails.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    public int Consoles => Organizations * Participants;

    /// <summary>The first problem with these options, or null when they can run.</summary>
    public string? Check()
    {
        if (Organizations is < MinOrganizations or > MaxOrganizations)
            return $"--organizations must be {MinOrganizations} to {MaxOrganizations} (got {Organizations}).";
        if (Participants is < 1 or > MaxParticipants)
            return $"--participants must be 1 to {MaxParticipants} per organization (got {Participants}).";
        if (Consoles > MaxConsoles)
            return $"--organizations × --participants must be at most {MaxConsoles} consoles (got {Consoles}).";
        if (double.IsNaN(Speed) || Speed is < MinSpeed or > MaxSpeed)
            return $"--speed must be {MinSpeed} to {MaxSpeed} (got {Speed}).";
        if (Duration < MinDuration || Duration > MaxDuration)
            return $"--duration must be {MinDuration.TotalSeconds} s to {MaxDuration.TotalHours} h of wall time (got {Duration}).";
        if (Injects is < 1 or > MaxInjects)
            return $"--injects must be 1 to {MaxInjects} (got {Injects}).";
        if (ActionDelayMin < TimeSpan.Zero || ActionDelayMax > MaxActionDelay || ActionDelayMin > ActionDelayMax)
            return $"--action-delay must be MIN-MAX seconds with 0 ≤ MIN ≤ MAX ≤ {MaxActionDelay.TotalSeconds} (got {ActionDelayMin.TotalSeconds}-{ActionDelayMax.TotalSeconds}).";
        if (Timeout < MinTimeout || Timeout > MaxTimeout)
            return $"--timeout must be {MinTimeout.TotalSeconds} s to {MaxTimeout.TotalHours} h (got {Timeout}).";
        if ((Server is null) != (Token is null))
            return "--server and --token go together: the address of a running server and a controller's token for it.";
        if (Server is { } server && !server.IsLoopback)
            return $"--server must be a loopback address (got {server}): a load test never leaves this machine.";
        if (ServerDll is { } dll && !File.Exists(dll))
            return $"--server-dll '{dll}' does not exist.";
        return null;
    }
}
