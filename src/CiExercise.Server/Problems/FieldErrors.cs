using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Problems;

/// <summary>Collects what is wrong with a request body, field by field, so one answer names all of it.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    /// <summary>The stable code of a request whose fields are missing, malformed or over their bounds.</summary>
    public const string Code = "request.invalid";

    public bool Any => _errors.Count > 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    /// <summary>Every message in one sentence, for a hub refusal, which has no per-field errors.</summary>
    public string Detail => string.Join(" ", _errors.SelectMany(e => e.Value));

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages)) _errors[field] = messages = [];
        messages.Add(message);
        return this;
    }

    public FieldErrors Required(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? Add(field, $"The field '{field}' is required.") : this;

    public FieldErrors Required<T>(string field, T? value) where T : class =>
        value is null ? Add(field, $"The field '{field}' is required.") : this;

    public ValidationProblem Problem(string code = Code) =>
        TypedResults.ValidationProblem(
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            detail: Detail,
            extensions: new Dictionary<string, object?> { ["code"] = code });

    public static ValidationProblem Single(string field, string message) => new FieldErrors().Add(field, message).Problem();
}
