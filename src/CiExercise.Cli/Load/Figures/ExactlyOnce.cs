using CiExercise.Cli.Load.Api;
using CiExercise.Cli.Load.Consoles;

namespace CiExercise.Cli.Load.Figures;

/// <summary>
/// Every console against the record read after the end: each row up to ExerciseEnded that it may see kept
/// exactly once (no gap), nothing it may not see, and each kept event the same row as the log's (kind,
/// organization, inject). Repeats on the wire are dropped by sequence number, as the web console does,
/// and counted apart ("events received twice").
/// </summary>
public sealed record ExactlyOnce(int Consoles, int ConsolesWithGap, long Missing, long NotAllowed, long Mismatched, int NotEnded)
{
    public bool Holds => Consoles > 0 && ConsolesWithGap == 0 && Missing == 0 && NotAllowed == 0 && Mismatched == 0 && NotEnded == 0;

    public static ExactlyOnce Check(IReadOnlyList<IKeptEvents> consoles, IReadOnlyList<LogRow> log, long endSeq)
    {
        var shared = log.Where(ParticipantAudience.IsExerciseWide).ToArray();
        var byOrganization = log.Where(r => r.OrganizationId is not null).ToLookup(r => r.OrganizationId!);
        int withGap = 0, notEnded = 0;
        long missing = 0, notAllowed = 0, mismatched = 0;
        foreach (var console in consoles)
        {
            var expected = shared.Concat(byOrganization[console.Seat.OrganizationId].Where(r => ParticipantAudience.RoleSees(console.Seat, r)))
                .ToDictionary(r => r.Seq);
            var kept = console.Kept;
            var keptSeqs = kept.Select(k => k.Seq).ToHashSet();
            // Everything up to the end must have arrived; anything that arrived must be the console's to see.
            var gap = expected.Keys.Count(seq => seq <= endSeq && !keptSeqs.Contains(seq));
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
