namespace CiExercise.Cli.Rehearsal;

/// <summary>The rehearsal could not go on: what it waited for did not happen. The message says what and where.</summary>
public sealed class RehearsalException(string message) : Exception(message);
