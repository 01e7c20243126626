using System.Text;
using System.Text.Json;
using CiExercise.Contracts;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Server.Reports;

/// <summary>
/// Reads an export (see <see cref="ExportFormat"/>) one event at a time and checks it as it goes: the format and
/// version, a readable scenario, then every event: of the exported exercise, seqs 1..N without a gap starting with
/// its creation, of the scenario's organizations, within the payload and count bounds. Any failure is an
/// <see cref="ImportProblem"/> that says where.
/// </summary>
internal sealed class ExportFileReader(Stream file, ExportLimits limits)
{
    private readonly JsonTokenStream _json = new(file, limits.ValueBytes);

    public ExportedExercise Exercise { get; private set; } = null!;

    public Scenario Scenario { get; private set; } = null!;

    public string ScenarioJson { get; private set; } = "";

    /// <summary>Reads up to the start of the events.</summary>
    public void ReadHeader()
    {
        Guard(() =>
        {
            if (!_json.Read() || _json.TokenType != JsonTokenType.StartObject) throw Unreadable("an export is a JSON object");
            string? format = null;
            long? version = null;
            while (true)
            {
                if (!_json.Read() || _json.TokenType != JsonTokenType.PropertyName) throw Unreadable("the events array is missing");
                var name = _json.Text;
                if (name == "events") break;
                _json.ReadValue();
                switch (name)
                {
                    case "format": format = _json.Text; break;
                    case "version": version = _json.Number; break;
                    case "exercise": Exercise = Deserialize<ExportedExercise>("exercise"); break;
                    case "scenario":
                        ScenarioJson = Encoding.UTF8.GetString(_json.Value.Span);
                        Scenario = Deserialize<Scenario>("scenario");
                        break;
                }
            }

            if (format != ExportFormat.Format)
                throw new ImportProblem("import.wrong-format", $"The file's format is '{Quoted(format)}', not '{ExportFormat.Format}': it is not a CiExercise export.");
            if (version != ExportFormat.Version)
                throw new ImportProblem("import.wrong-version", $"The export is version {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}; this server reads version {ExportFormat.Version}.");
            if (Exercise is null || string.IsNullOrEmpty(Exercise.Id) || string.IsNullOrEmpty(Exercise.Name) || string.IsNullOrEmpty(Exercise.ScenarioId))
                throw new ImportProblem("import.exercise-missing", "The export's exercise (id, name, scenarioId, createdAt) must come before its events.");
            if (Scenario is null || string.IsNullOrEmpty(Scenario.Id) || Scenario.Organizations is null || Scenario.Injects is null
                || Scenario.Objectives is null || Scenario.Phases is null || Scenario.Title is null)
                throw new ImportProblem("import.scenario-unreadable", "The export's scenario is missing or incomplete; it must come before the events.");
            if (!_json.Read() || _json.TokenType != JsonTokenType.StartArray) throw Unreadable("events is an array");
        });
    }

    /// <summary>The events, each checked; the caller counts on them being 1..N in order.</summary>
    public IEnumerable<ExerciseEvent> Events()
    {
        var expected = 1L;
        while (true)
        {
            ExerciseEvent? e = null;
            Guard(() =>
            {
                if (!_json.ReadValue()) throw Unreadable("the events array is not closed");
                if (_json.TokenType == JsonTokenType.EndArray) return;
                if (_json.TokenType != JsonTokenType.StartObject) throw Unreadable($"event {expected} is not an object");
                e = Deserialize<ExerciseEvent>($"event {expected}");
            });
            if (e is null)
            {
                if (expected == 1) throw new ImportProblem("import.no-events", "The export has no events; every exercise has at least its creation.");
                yield break;
            }

            Check(e, expected);
            yield return e;
            expected++;
        }
    }

    private void Check(ExerciseEvent e, long expected)
    {
        var where = $"Event {expected}";
        if (expected > limits.Events)
            throw new ImportProblem("import.too-many-events", $"The export has more than {limits.Events} events, the most this server imports (Limits:ImportEvents).",
                StatusCodes.Status413PayloadTooLarge);
        if (e.Seq != expected)
            throw new ImportProblem("import.seq-gap", $"{where} has seq {e.Seq}: seqs must run 1, 2, 3... without a gap.");
        if (e.ExerciseId != Exercise.Id)
            throw new ImportProblem("import.wrong-exercise", $"{where} belongs to exercise '{Quoted(e.ExerciseId)}', not to the exported '{Exercise.Id}'.");
        if (expected == 1 && e.Kind != EventKind.ExerciseCreated)
            throw new ImportProblem("import.not-created", $"Event 1 is {e.Kind}; an exercise's record starts with its creation.");
        if (e.Actor is null || string.IsNullOrEmpty(e.Actor.Id) || string.IsNullOrEmpty(e.Actor.Role)
            || e.Actor.Id.Length > Limits.NameLength * 2 || e.Actor.Role.Length > Limits.RoleLength)
            throw new ImportProblem("import.bad-actor", $"{where} has no actor, or one whose id or role is too long.");
        if (e.OrganizationId is not null && Scenario.FindOrganization(e.OrganizationId) is null)
            throw new ImportProblem("import.unknown-organization", $"{where} is of organization '{Quoted(e.OrganizationId)}', which the scenario does not have.");
        if (e.InjectId is { Length: > Limits.IdLength })
            throw new ImportProblem("import.bad-inject", $"{where} names an inject id longer than {Limits.IdLength} characters.");
        if (e.Payload is null || Encoding.UTF8.GetByteCount(e.Payload) > limits.PayloadBytes)
            throw new ImportProblem("import.payload-too-large", $"{where} has no payload, or one over {limits.PayloadBytes} bytes.");
    }

    private T Deserialize<T>(string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(_json.Value.Span, Contracts.Scenarios.ScenarioJson.Options)
                   ?? throw new ImportProblem("import.unreadable", $"The export's {what} is null.");
        }
        catch (JsonException error)
        {
            throw new ImportProblem("import.unreadable", $"The export's {what} cannot be read: {error.Message}");
        }
    }

    private static void Guard(Action read)
    {
        try
        {
            read();
        }
        catch (JsonException error)
        {
            throw new ImportProblem("import.unreadable", $"The export is not valid JSON: {error.Message}");
        }
    }

    private static ImportProblem Unreadable(string what) => new("import.unreadable", $"The export cannot be read: {what}.");

    private static string Quoted(string? value) => Limits.Quote(value ?? "");
}
