IF OBJECT_ID(N'dbo.schema_version', N'U') IS NULL
    CREATE TABLE dbo.schema_version
    (
        version    int               NOT NULL,
        name       nvarchar(200)     NOT NULL,
        applied_at datetimeoffset(7) NOT NULL,
        CONSTRAINT pk_schema_version PRIMARY KEY CLUSTERED (version)
    );
