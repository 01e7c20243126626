namespace CiExercise.Storage;

public enum StorageProvider
{
    /// <summary>The embedded default: one file, one node.</summary>
    Sqlite,

    /// <summary>Production and cluster store.</summary>
    SqlServer,
}
