namespace CiExercise.Scenarios.Reading;

internal static class Uniqueness
{
    /// <summary>Reports every repeat of an id at the repeat, naming the line of the first definition.</summary>
    public static void Check(DiagnosticBag diagnostics, IEnumerable<IdRef> ids, string what)
    {
        var first = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!first.TryAdd(id.Id, id.At))
            {
                diagnostics.Error(id.At, DiagnosticCodes.DuplicateId,
                    $"duplicate {what} '{id.Id}' (first defined at line {first[id.Id].Line})");
            }
        }
    }
}
