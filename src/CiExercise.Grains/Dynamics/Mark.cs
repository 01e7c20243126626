namespace CiExercise.Grains.Dynamics;

/// <summary>Where something happened in the record: its row and its scenario time.</summary>
internal readonly record struct Mark(long Seq, TimeSpan At);
