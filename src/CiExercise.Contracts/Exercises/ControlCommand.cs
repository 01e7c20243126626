namespace CiExercise.Contracts.Exercises;

/// <summary>What a control-cell command does to the exercise's lifecycle or clock.</summary>
public enum ControlVerb
{
    Start,
    Pause,
    Resume,
    End,
    Halt,
    LiftHalt,
    SetSpeed,
    JumpToPhase,
    JumpToNextInject,
}

/// <summary>
/// One lifecycle or clock command with its arguments (Speed for SetSpeed, PhaseId for JumpToPhase, Reason for
/// Halt). One record, so that a command and its resend have one fingerprint.
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.ControlCommand")]
public sealed record ControlCommand(
    [property: Id(0)] ControlVerb Verb,
    [property: Id(1)] double? Speed = null,
    [property: Id(2)] string? PhaseId = null,
    [property: Id(3)] string? Reason = null);

/// <summary>The exercise after a command; Replayed when the command's key had been recorded already (nothing new was done).</summary>
[GenerateSerializer, Immutable, Alias("ciex.CommandAnswer")]
public sealed record CommandAnswer([property: Id(0)] ExerciseView View, [property: Id(1)] bool Replayed);

/// <summary>An ad-hoc inject as fired; Replayed when its key had been recorded already (it was not fired again).</summary>
[GenerateSerializer, Immutable, Alias("ciex.AdHocAnswer")]
public sealed record AdHocAnswer([property: Id(0)] InjectState Inject, [property: Id(1)] bool Replayed);
