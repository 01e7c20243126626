namespace CiExercise.Storage;

public enum StorageProvider
{
    /// <summary>The embedded default: one file, one node.</summary>
    Sqlite,

    /// <summary>Production and cluster store.</summary>
    SqlServer,

    /// <summary>Cluster store beside SQL Server; the one the cluster is tested on.</summary>
    PostgreSql,
}
