using CiExercise.Contracts.Scenarios;

namespace CiExercise.Scenarios.Writing;

/// <summary>Writes "review", or nothing when the scenario keeps every default (as the reader reads a missing section).</summary>
internal static class ReviewWriter
{
    public static void Review(YamlOut output, ReviewSettings review)
    {
        var defaults = ReviewSettings.Default;
        var sameReach = review.ReachWithin == defaults.ReachWithin;
        var sameRoles = review.EscalationRoles.SequenceEqual(defaults.EscalationRoles);
        var sameHotWash = review.HotWash.SequenceEqual(defaults.HotWash);
        if (sameReach && sameRoles && sameHotWash)
        {
            return;
        }

        output.Entry("review", () => output.Map(() =>
        {
            if (!sameReach)
            {
                output.Entry("reach-within", () => output.Map(() =>
                {
                    output.Duration("ministry", review.ReachWithin.Ministry);
                    output.Duration("national-centre", review.ReachWithin.NationalCentre);
                    output.Duration("ceptoar", review.ReachWithin.Ceptoar);
                    output.Duration("other-sector", review.ReachWithin.OtherSector);
                }));
            }

            if (!sameRoles)
            {
                output.Names("escalation-roles", review.EscalationRoles, always: true);
            }

            if (!sameHotWash)
            {
                output.Entry("hot-wash", () => output.List(review.HotWash, q => output.Map(() =>
                {
                    output.Entry("id", q.Id);
                    output.Text("text", q.Text);
                    output.Entry("kind", (HotWashQuestionKind?)q.Kind);
                    output.Flag("required", q.Required);
                })));
            }
        }));
    }
}
