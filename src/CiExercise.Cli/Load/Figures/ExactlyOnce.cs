using CiExercise.Cli.Load.Api;
using CiExercise.Cli.Load.Consoles;

namespace CiExercise.Cli.Load.Figures;

/// <summary>
/// Every console against the record up to ExerciseEnded: each row it may see kept exactly once (no gap),
/// nothing it may not see, and each kept event the same row as the log's (kind, organization, inject).
/// </summary>
public sealed record ExactlyOnce(int Consoles, int ConsolesWithGap, long Missing, long NotAllowed, long Mismatched, int NotEnded)
{
    public bool Holds => Consoles > 0 && ConsolesWithGap == 0 && Missing == 0 && NotAllowed == 0 && Mismatched == 0 && NotEnded == 0;

    public static ExactlyOnce Check(IReadOnlyList<LoadConsole> consoles, IReadOnlyList<LogRow> log, long endSeq)
    {
        var rows = log.Where(r => r.Seq <= endSeq).ToArray();
        var shared = rows.Where(ParticipantAudience.IsExerciseWide).ToArray();
        var byOrganization = rows.Where(r => r.OrganizationId is not null).ToLookup(r => r.OrganizationId!);
        int withGap = 0, notEnded = 0;
        long missing = 0, notAllowed = 0, mismatched = 0;
        foreach (var console in consoles)
        {
            var expected = shared.Concat(byOrganization[console.Seat.OrganizationId].Where(r => ParticipantAudience.RoleSees(console.Seat, r)))
                .ToDictionary(r => r.Seq);
            var kept = console.Kept.Where(k => k.Seq <= endSeq).ToArray();
            var keptSeqs = kept.Select(k => k.Seq).ToHashSet();
            var gap = expected.Keys.Count(seq => !keptSeqs.Contains(seq));
            missing += gap;
            if (gap > 0) withGap++;
            if (console.EndedSeq == 0) notEnded++;
            foreach (var k in kept)
            {
                if (!expected.TryGetValue(k.Seq, out var row)) notAllowed++;
                else if (row.Kind != k.Kind || row.OrganizationId != k.OrganizationId || row.InjectId != k.InjectId) mismatched++;
            }
        }
        return new ExactlyOnce(consoles.Count, withGap, missing, notAllowed, mismatched, notEnded);
    }
}
