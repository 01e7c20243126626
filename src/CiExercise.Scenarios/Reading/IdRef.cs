namespace CiExercise.Scenarios.Reading;

/// <summary>An id as written in the file, kept with its position until references are resolved.</summary>
internal sealed record IdRef(string Id, SourcePosition At);
