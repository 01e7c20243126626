using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Grains.Exercises;
using CiExercise.Review.Loading;
using CiExercise.Review.Model;

namespace CiExercise.Review.Timeline;

/// <summary>
/// The stretches the control cell shaped, from the lifecycle and clock events through the exercise grain's own
/// fold (so scenario times are the clock's): pauses, real-world halts, each speed in force from the start, jumps.
/// A band still open when the exercise ended closes there; one open in a running exercise has no end.
/// </summary>
internal static class ClockBands
{
    public static IReadOnlyList<ClockBand> Of(ExerciseLog log)
    {
        var state = new ExerciseState(log.Id, log.Name, log.Scenario);
        var bands = new List<ClockBand>();
        ClockBand? paused = null, halted = null, speed = null;
        void Close(ref ClockBand? band, ExerciseEvent e, TimeSpan scenario)
        {
            if (band is null) return;
            bands.Add(band with { WallTo = e.WallTime, ScenarioTo = scenario });
            band = null;
        }
        foreach (var e in log.Events)
        {
            if (e.OrganizationId is not null || !LifecycleKinds.All.Contains(e.Kind)) continue;
            var before = state.Clock.ScenarioAt(e.WallTime);
            state.Apply(e);
            var after = state.Clock.ScenarioAt(e.WallTime);
            var payload = ReviewPayloads.Read<ClockPayload>(e);
            ClockBand Open(ClockBandKind kind, string? reason = null) =>
                new(kind, e.Seq, e.WallTime, null, after, null, state.Clock.Speed, e.Actor.Id, reason);
            switch (e.Kind)
            {
                case EventKind.ExerciseStarted:
                    speed = Open(ClockBandKind.Speed);
                    break;
                case EventKind.SpeedChanged when state.Clock.Started:
                    Close(ref speed, e, after);
                    speed = Open(ClockBandKind.Speed);
                    break;
                case EventKind.ExercisePaused:
                    paused ??= Open(ClockBandKind.Paused);
                    break;
                case EventKind.ExerciseResumed:
                    Close(ref paused, e, after);
                    break;
                case EventKind.ClockJumped:
                    bands.Add(new ClockBand(ClockBandKind.Jump, e.Seq, e.WallTime, e.WallTime, before, after, state.Clock.Speed, e.Actor.Id,
                        payload.PhaseId ?? payload.InjectId));
                    break;
                case EventKind.RealWorldHaltDeclared:
                    halted ??= Open(ClockBandKind.Halted, payload.Reason);
                    break;
                case EventKind.RealWorldHaltLifted:
                    Close(ref halted, e, after);
                    // A halt stops the clock; play comes back paused until a controller resumes it.
                    if (state.Status == Contracts.Exercises.ExerciseStatus.Paused) paused ??= Open(ClockBandKind.Paused);
                    break;
                case EventKind.ExerciseEnded:
                    Close(ref paused, e, after);
                    Close(ref halted, e, after);
                    Close(ref speed, e, after);
                    break;
            }
        }
        bands.AddRange(new[] { paused, halted, speed }.OfType<ClockBand>());
        return bands.OrderBy(b => b.Seq).ThenBy(b => b.Kind).ToArray();
    }
}
