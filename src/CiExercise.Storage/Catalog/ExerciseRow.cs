using CiExercise.Contracts.Ports;
using CiExercise.Storage.Dialects;

namespace CiExercise.Storage.Catalog;

/// <summary>One row of exercises as exercise_get.sql and exercise_list.sql return it.</summary>
internal sealed class ExerciseRow
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string ScenarioId { get; set; } = "";
    public string ScenarioJson { get; set; } = "";

    // A long (SQLite ticks) or a DateTimeOffset (SQL Server), depending on the dialect.
    public object CreatedAt { get; set; } = 0L;

    // An INTEGER (SQLite) or a bit (SQL Server).
    public object ReadOnly { get; set; } = 0L;

    public ExerciseRecord ToRecord() => new(Id, Name, ScenarioId, ScenarioJson, SqlDialect.FromDbTime(CreatedAt))
    {
        ReadOnly = Convert.ToBoolean(ReadOnly, System.Globalization.CultureInfo.InvariantCulture),
    };
}
