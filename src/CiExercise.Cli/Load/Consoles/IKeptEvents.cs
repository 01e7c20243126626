namespace CiExercise.Cli.Load.Consoles;

/// <summary>What a console kept, as the exactly-once check reads it: the load test's consoles and the fault harness's.</summary>
public interface IKeptEvents
{
    Scenario.Seat Seat { get; }

    /// <summary>Each event once (the first time its sequence number arrived), in arrival order.</summary>
    IReadOnlyList<LoadConsole.Received> Kept { get; }

    /// <summary>The sequence number of ExerciseEnded once this console has it, else 0.</summary>
    long EndedSeq { get; }
}
