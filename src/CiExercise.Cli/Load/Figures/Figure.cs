namespace CiExercise.Cli.Load.Figures;

/// <summary>One measured figure, for the product and the bare hub; Ratio is product / bare hub.</summary>
public sealed record Figure(string Name, string Unit, double? Product, double? Baseline)
{
    public double? Ratio => Product is { } p && Baseline is { } b && b != 0 ? p / b : null;
}
