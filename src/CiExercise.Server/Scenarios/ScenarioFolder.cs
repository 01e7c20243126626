namespace CiExercise.Server.Scenarios;

/// <summary>The folder scenarios are loaded from ("Scenarios:Directory", default scenarios/).</summary>
public sealed record ScenarioFolder(string Path);
