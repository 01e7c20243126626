using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Scenarios;
using CiExercise.Server.Identity;

namespace CiExercise.Server.Tests.Audience;

/// <summary>
/// The replay filter (CanSee) and the live groups (GroupsFor / GroupsOf) must agree for every principal
/// and every kind of event, or a console would see after a reconnect what it never saw live, or the reverse.
/// </summary>
public sealed class EventAudienceTests
{
    private const string Exercise = "ex1";

    private static readonly ExercisePrincipal[] Principals =
    [
        new(PrincipalKind.Controller, null, null, null, "root", "t1"),
        new(PrincipalKind.Controller, Exercise, null, null, "director", "t2"),
        new(PrincipalKind.Controller, "other", null, null, "elsewhere", "t3"),
        new(PrincipalKind.Evaluator, Exercise, null, null, "eval", "t4"),
        new(PrincipalKind.Observer, Exercise, null, null, "obs", "t5"),
        new(PrincipalKind.Participant, Exercise, "bank", "ciso", "sato", "t6"),
        new(PrincipalKind.Participant, Exercise, "bank", "executive", "ito", "t7"),
        new(PrincipalKind.Participant, Exercise, "telco", "ciso", "kato", "t8"),
        new(PrincipalKind.Participant, "other", "bank", "ciso", "mori", "t9"),
    ];

    public static TheoryData<EventKind> Kinds() => new(Enum.GetValues<EventKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Replay_and_live_delivery_agree(EventKind kind)
    {
        foreach (var e in EventsOf(kind))
        {
            foreach (var principal in Principals)
            {
                var live = EventAudience.GroupsFor(e).Intersect(EventAudience.GroupsOf(principal, e.ExerciseId)).Count();
                Assert.True(live <= 1, $"{principal.Name} would receive {kind} {live} times");
                Assert.Equal(EventAudience.CanSee(principal, e), live == 1);
            }
        }
    }

    [Fact]
    public void Participants_see_their_own_stream_and_the_clock_only()
    {
        var sato = Principals[5];
        Assert.True(EventAudience.CanSee(sato, Event(EventKind.InjectDelivered, "bank", [])));
        Assert.True(EventAudience.CanSee(sato, Event(EventKind.InjectDelivered, "bank", ["ciso"])));
        Assert.False(EventAudience.CanSee(sato, Event(EventKind.InjectDelivered, "bank", ["executive"])));
        Assert.False(EventAudience.CanSee(sato, Event(EventKind.InjectDelivered, "telco", [])));
        Assert.False(EventAudience.CanSee(sato, Event(EventKind.InjectFired, null, [])));
        Assert.False(EventAudience.CanSee(sato, Event(EventKind.ObservationRecorded, null, [])));
        Assert.True(EventAudience.CanSee(sato, Event(EventKind.RealWorldHaltDeclared, null, [])));
        Assert.False(EventAudience.CanSee(Principals[8], Event(EventKind.RealWorldHaltDeclared, null, [])));
    }

    [Fact]
    public void Participants_see_the_communication_check_rows_of_their_own_organization_only()
    {
        var sato = Principals[5];
        foreach (var kind in new[] { EventKind.CommunicationCheckReceived, EventKind.CommunicationCheckAcknowledged, EventKind.CommunicationCheckPassedOn })
        {
            Assert.True(EventAudience.CanSee(sato, Event(kind, "bank", [])));
            Assert.True(EventAudience.CanSee(Principals[6], Event(kind, "bank", [])));
            Assert.False(EventAudience.CanSee(sato, Event(kind, "telco", [])));
            Assert.True(EventAudience.CanSee(Principals[4], Event(kind, "telco", [])));
        }
        // Who the check targets and when it closed is the control cell's business.
        Assert.False(EventAudience.CanSee(sato, Event(EventKind.CommunicationCheckStarted, null, [])));
        Assert.False(EventAudience.CanSee(sato, Event(EventKind.CommunicationCheckClosed, null, [])));
        Assert.True(EventAudience.CanSee(Principals[3], Event(EventKind.CommunicationCheckStarted, null, [])));
    }

    private static IEnumerable<ExerciseEvent> EventsOf(EventKind kind)
    {
        foreach (var org in new string?[] { null, "bank", "telco" })
        {
            if (kind == EventKind.InjectDelivered)
            {
                foreach (string[] roles in new[] { Array.Empty<string>(), ["ciso"], ["ciso", "executive"] })
                    yield return Event(kind, org, roles);
            }
            else
            {
                yield return Event(kind, org, []);
            }
        }
    }

    private static ExerciseEvent Event(EventKind kind, string? org, string[] roles) => new(
        Exercise, 7, kind, DateTimeOffset.UnixEpoch, TimeSpan.Zero, org, Actor.System, "i01", null,
        kind == EventKind.InjectDelivered
            ? ScenarioJson.Serialize(new InjectDeliveredPayload(roles, Channel.Email, null, [], false, TimeSpan.Zero))
            : "{}");
}
