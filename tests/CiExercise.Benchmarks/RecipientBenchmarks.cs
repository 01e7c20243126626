using BenchmarkDotNet.Attributes;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Benchmarks;

/// <summary>Who an inject reaches, over a national roster of 850 organizations.</summary>
[MemoryDiagnoser]
public class RecipientBenchmarks
{
    private readonly Scenario _scenario = NationalScenario.Create();
    private readonly Recipients _sector = new(false, [], [Sector.ElectricPower, Sector.Gas], []);
    private readonly Recipients _named = new(false, Enumerable.Range(0, 100).Select(i => $"org-{i * 8:D4}").ToArray(), [], []);
    private readonly Recipients _everyoneCiso = new(true, [], [], ["ciso"]);

    [Benchmark(Baseline = true)]
    public int Everyone() => _scenario.ResolveRecipients(Recipients.All).Count;

    [Benchmark]
    public int TwoSectors() => _scenario.ResolveRecipients(_sector).Count;

    [Benchmark]
    public int HundredNamedOrganizations() => _scenario.ResolveRecipients(_named).Count;

    [Benchmark]
    public int EveryoneOneRole() => _scenario.ResolveRecipients(_everyoneCiso).Count;
}
