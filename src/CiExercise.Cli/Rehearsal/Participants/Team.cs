using System.Text.Json;
using CiExercise.Client;
using CiExercise.Client.Hub;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Cli.Rehearsal.Participants;

/// <summary>
/// The simulated participants of one organization the control cell does not play: a console per role, so every
/// inject reaches someone who may answer it. When an inject arrives the team plans what it will do, at wall moments
/// drawn from the seed: acknowledge, decide (a choice, a severity rating when asked), fill in its report form, answer
/// news and social media with a press statement, and report the incident along its reporting chain. The rehearsal runs the plan as its clock reaches each moment.
/// </summary>
public sealed class Team(Scenario scenario, Organization organization, int index, RehearsalPlay play)
{
    private readonly Dictionary<string, SimulatedConsole> _consoles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _planned = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Organization Organization => organization;

    public IEnumerable<SimulatedConsole> Consoles => _consoles.Values;

    public void Add(string role, SimulatedConsole console) => _consoles.Add(role, console);

    /// <summary>Called by each console for every event it receives (the consoles of one team read in parallel).</summary>
    public void Handle(LiveEvent e)
    {
        if (e is not { Kind: EventKind.InjectDelivered, InjectId: { } injectId } || e.OrganizationId != organization.Id) return;
        lock (_gate)
        {
            // A delivery to every role reaches every console of the team; it is planned for once.
            if (!_planned.Add(injectId)) return;
        }
        if (scenario.FindInject(injectId) is { } inject) Plan(inject, e);
    }

    private void Plan(Inject inject, LiveEvent delivered)
    {
        if (ThinkTimes.Of(play.Draws.Resolve(play.Behaviour, organization.Id, inject.Id)) is not { } think) return;
        var random = play.Draws.For(organization.Id, inject.Id);
        var roles = delivered.Payload.Deserialize<InjectDeliveredPayload>(ScenarioJson.Options)!.Roles;
        var role = roles.Count > 0 ? roles[random.Next(roles.Count)] : organization.Roles[random.Next(organization.Roles.Count)];
        var hub = _consoles[role].Connection;
        var exerciseId = delivered.ExerciseId;

        var acknowledgeAt = delivered.WallTime + think.Acknowledge.Draw(random);
        Plan(acknowledgeAt, inject, Step.Acknowledge, () => hub.Acknowledge(exerciseId, inject.Id, Key(inject, Step.Acknowledge)));
        if (!AsksForDecision(inject) && inject.Form is null && !IsPublic(inject)) return;

        var decideAt = acknowledgeAt + think.Decide.Draw(random);
        if (AsksForDecision(inject))
        {
            var choice = inject.Choices.Count > 0 ? inject.Choices[random.Next(inject.Choices.Count)].Id : null;
            var text = choice is null ? $"Rehearsal: {organization.Id} decides on {inject.Id}." : null;
            var severity = inject.Severity is { } asked ? Rating(asked, random) : null;
            Plan(decideAt, inject, Step.Decide, () => hub.Decide(exerciseId, inject.Id, choice, text, severity, Key(inject, Step.Decide)));
        }
        if (inject.Form is { } form)
        {
            var answers = ReportFormAnswers.Draw(form, scenario.StoryStart + delivered.ScenarioTime, random);
            Plan(decideAt, inject, Step.Form, () => hub.SubmitReport(exerciseId, inject.Id, answers, Key(inject, Step.Form)));
        }
        if (IsPublic(inject))
        {
            Plan(decideAt, inject, Step.Statement, () => hub.PublishStatement(exerciseId, $"Statement by {organization.Id}",
                $"Rehearsal: {organization.Id} answers '{inject.Id}' in public.", Key(inject, Step.Statement)));
        }

        var chain = new[] { organization.ReportsTo, organization.Ceptoar }.OfType<string>().Distinct().ToArray();
        if (!ReportsAlongChain(inject) || chain.Length == 0) return;
        var reportAt = decideAt + think.Report.Draw(random);
        var message = new OutgoingMessage(chain, $"Incident report: {inject.Id}",
            $"Rehearsal: {organization.Id} reports on {inject.Id} to {string.Join(", ", chain)}.", inject.Id, null);
        Plan(reportAt, inject, Step.Report, () => hub.SendMessage(exerciseId, message, Key(inject, Step.Report)));
    }

    private void Plan(DateTimeOffset at, Inject inject, Step step, Func<Task<ActionReceipt>> act) =>
        play.Agenda.Plan(new PlannedAction(at, index, inject.Id, (int)step, async () =>
        {
            try
            {
                await act();
            }
            catch (ExerciseHubException refused)
            {
                play.Refused(new RefusedAction(organization.Id, inject.Id, Name(step), refused.Code));
            }
        }));

    /// <summary>Whether the inject wants more than an acknowledgement: something to choose, rate, or answer in time.</summary>
    private static bool AsksForDecision(Inject inject) =>
        inject.Choices.Count > 0 || inject.Severity is not null || inject.ResponseWindow is not null || inject.ExpectedAction is not null;

    /// <summary>An incident, or anything rated for severity or reported on a form, is reported to the ministry and the CEPTOAR.</summary>
    private static bool ReportsAlongChain(Inject inject) => inject.Incident || inject.Severity is not null || inject.Form is not null;

    /// <summary>News and social media the organization is named in: it answers with a press statement.</summary>
    private static bool IsPublic(Inject inject) => inject.Channel is Channel.News or Channel.SocialMedia;

    /// <summary>A rating near the expected level (2 when none is set): each criterion one level either side of it.</summary>
    private static SeverityRating Rating(SeverityAsk asked, Random random)
    {
        var expected = asked.Expected ?? 2;
        int Near() => Math.Clamp(expected + random.Next(-1, 2), 0, SeverityRating.MaxLevel);
        return new SeverityRating(Near(), Near(), Near());
    }

    private string Key(Inject inject, Step step) => $"rehearsal:{organization.Id}:{inject.Id}:{Name(step)}";

    private static string Name(Step step) => JsonNamingPolicy.KebabCaseLower.ConvertName(step.ToString());

    private enum Step
    {
        Acknowledge,
        Decide,
        Form,
        Statement,
        Report,
    }
}
