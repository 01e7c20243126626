namespace CiExercise.Cli.Load;

/// <summary>A load run cannot go on; the message says what failed and what to do.</summary>
public sealed class LoadException(string message, Exception? inner = null) : Exception(message, inner);
