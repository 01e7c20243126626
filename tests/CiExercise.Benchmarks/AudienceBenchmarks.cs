using BenchmarkDotNet.Attributes;
using CiExercise.Contracts.Events;
using CiExercise.Server.Identity;
using CiExercise.Storage.Ceiling;

namespace CiExercise.Benchmarks;

/// <summary>
/// The audience rule over one all-hands inject (851 rows): what a replay filters for one participant and
/// for staff, and the SignalR groups the bridge sends each row to.
/// </summary>
[MemoryDiagnoser]
public class AudienceBenchmarks
{
    private readonly ExercisePrincipal _participant = new(PrincipalKind.Participant, "national", SampleEvents.OrganizationId(17), "staff", "佐藤", null);
    private readonly ExercisePrincipal _observer = new(PrincipalKind.Observer, "national", null, null, "observer", null);
    private ExerciseEvent[] _events = [];

    [GlobalSetup]
    public void Setup() =>
        _events = SampleEvents.AllHands("i01-startex", NationalScenario.Organizations, DateTimeOffset.UtcNow)
            .Select((e, i) => e.Recorded("national", i + 2)).ToArray();

    [Benchmark]
    public int CanSeeParticipant() => _events.Count(e => EventAudience.CanSee(_participant, e));

    [Benchmark]
    public int CanSeeStaff() => _events.Count(e => EventAudience.CanSee(_observer, e));

    [Benchmark]
    public int GroupsFor() => _events.Sum(e => EventAudience.GroupsFor(e).Count);
}
