using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Benchmarks;

/// <summary>
/// A national exercise's whole record, built in memory as the grains would have written it: the 850 organizations
/// of <see cref="NationalScenario"/> (each operator in its sector's CEPTOAR), injects every ten scenario minutes
/// (all-hands, per sector, and incidents at five operators of a sector that expect escalation and a severity rating), and per delivery an
/// acknowledgement, a decision, and for incidents a report to the ministry that forwards it to the national
/// centre, until the log holds the asked number of events; a pause every ten injects.
/// </summary>
internal static class NationalReviewLog
{
    public const string ExerciseId = "national-review";

    public static (Scenario Scenario, IReadOnlyList<ExerciseEvent> Events) Create(int events)
    {
        var national = NationalScenario.Create();
        var ceptoars = national.Organizations.Where(o => o.Sector == Sector.Ceptoar).Select(o => o.Id).ToArray();
        var organizations = national.Organizations
            .Select((o, i) => o.Sector < Sector.NationalCentre ? o with { Ceptoar = ceptoars[i % ceptoars.Length] } : o)
            .ToArray();
        var byId = organizations.ToDictionary(o => o.Id);
        var centre = organizations.First(o => o.Sector == Sector.NationalCentre).Id;
        var random = new Random(42);
        var start = new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero);
        var rows = new List<ExerciseEvent>();
        var injects = new List<Inject>();
        var pausedFor = TimeSpan.Zero;
        var control = Actor.Controller("director");
        void Add(EventKind kind, TimeSpan scenario, string? org, Actor actor, string? inject, long? refSeq, object payload) =>
            rows.Add(new ExerciseEvent(ExerciseId, rows.Count + 1, kind, start + scenario + pausedFor, scenario, org, actor, inject, refSeq,
                ScenarioJson.Serialize(payload)));

        Add(EventKind.ExerciseCreated, TimeSpan.Zero, null, control, null, null, new ExerciseCreatedPayload("National", "national"));
        Add(EventKind.ExerciseStarted, TimeSpan.Zero, null, control, null, null, new ClockPayload(1));
        var scenarioDraft = national with { Organizations = organizations };
        for (var k = 0; rows.Count < events; k++)
        {
            var at = TimeSpan.FromMinutes(10 * k);
            if (k > 0 && k % 10 == 0)
            {
                Add(EventKind.ExercisePaused, at, null, control, null, null, new ClockPayload(1));
                pausedFor += TimeSpan.FromMinutes(5);
                Add(EventKind.ExerciseResumed, at, null, control, null, null, new ClockPayload(1));
            }
            var incident = k % 3 == 1;
            // An incident starts at a few operators of one sector; the other injects go to everyone or to two sectors.
            var recipients = incident
                ? new Recipients(false, organizations.Where(o => o.Sector == (Sector)(k % 15)).Take(5).Select(o => o.Id).ToArray(), [], [])
                : k % 4 == 0 ? Recipients.All : new Recipients(false, [], [(Sector)(k % 15), (Sector)((k + 7) % 15)], []);
            var inject = new Inject($"i{k:D3}", at, recipients, new LocalizedText("統制", "Control"), Channel.SystemAlert,
                new LocalizedText($"インジェクト {k}", $"Inject {k}"), LocalizedText.Empty, null, TimeSpan.FromMinutes(30), ["respond"],
                [new Choice("isolate", LocalizedText.Empty), new Choice("monitor", LocalizedText.Empty)])
            {
                Incident = incident, Escalation = incident, Severity = incident ? new SeverityAsk(2) : null,
            };
            injects.Add(inject);
            var targets = scenarioDraft.ResolveRecipients(recipients).Select(t => t.OrganizationId).ToArray();
            Add(EventKind.InjectFired, at, null, Actor.System, inject.Id, null,
                new InjectFiredPayload(start + at + pausedFor, TimeSpan.Zero, false, false, targets));
            var delivered = new Dictionary<string, long>();
            foreach (var target in targets)
            {
                Add(EventKind.InjectDelivered, at, target, Actor.System, inject.Id, null,
                    new InjectDeliveredPayload([], inject.Channel, at + inject.ResponseWindow!.Value, ["isolate", "monitor"], false, TimeSpan.Zero));
                delivered[target] = rows.Count;
            }
            foreach (var target in targets)
            {
                var organization = byId[target];
                var actor = new Actor($"{target}-{random.Next(3)}", NationalScenario.Roles[random.Next(3)], target);
                var t = at + TimeSpan.FromMinutes(1 + random.Next(20));
                if (random.NextDouble() < 0.8)
                    Add(EventKind.InjectAcknowledged, t, target, actor, inject.Id, delivered[target], new ParticipantActionPayload());
                if (random.NextDouble() < 0.6)
                    Add(EventKind.DecisionRecorded, t + TimeSpan.FromMinutes(random.Next(30)), target, actor, inject.Id, delivered[target],
                        new ParticipantActionPayload("isolate", Severity: incident ? new SeverityRating(random.Next(5), random.Next(5), random.Next(5)) : null));
                if (incident && organization.ReportsTo is { } ministry)
                {
                    var report = new MessagePayload(Guid.NewGuid().ToString("N"), target, [ministry], "Incident report", "Details", inject.Id, null);
                    Add(EventKind.MessageSent, t, target, actor, inject.Id, null, report);
                    Add(EventKind.MessageReceived, t, ministry, actor, inject.Id, null, report);
                    var received = rows.Count;
                    if (ministry != centre)
                    {
                        var forward = new MessagePayload(Guid.NewGuid().ToString("N"), ministry, [centre], "Fwd: incident", "Details", null, null);
                        var ministryActor = new Actor($"{ministry}-0", "staff", ministry);
                        Add(EventKind.MessageSent, t + TimeSpan.FromMinutes(5), ministry, ministryActor, null, received, forward);
                        Add(EventKind.MessageReceived, t + TimeSpan.FromMinutes(5), centre, ministryActor, null, received, forward);
                    }
                }
            }
        }
        // Rows were appended per organization after each firing; the log orders them by time as the grains would have.
        var ordered = rows.OrderBy(r => r.WallTime).ThenBy(r => r.Seq).ToList();
        var renumbered = new Dictionary<long, long>();
        for (var i = 0; i < ordered.Count; i++) renumbered[ordered[i].Seq] = i + 1;
        var result = ordered.Select((r, i) => r with { Seq = i + 1, RefSeq = r.RefSeq is { } s ? renumbered[s] : null }).ToList();
        var end = result[^1];
        result.Add(new ExerciseEvent(ExerciseId, result.Count + 1, EventKind.ExerciseEnded, end.WallTime, end.ScenarioTime, null, control, null, null,
            ScenarioJson.Serialize(new ClockPayload(1))));
        return (scenarioDraft with { Injects = injects, Objectives = [new Objective("respond", new LocalizedText("対応", "Respond"), "response")] }, result);
    }
}
