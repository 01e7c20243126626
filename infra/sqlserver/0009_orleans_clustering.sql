-- CiExercise cluster membership, version 9: the tables and queries of Orleans' ADO.NET clustering
-- (Microsoft.Orleans.Clustering.AdoNet, invariant "Microsoft.Data.SqlClient"), so that the nodes of a cluster
-- find each other through the database they already share. Orleans reads its statements from dbo.OrleansQuery
-- by key and binds parameters and result columns by name: the names below are Orleans' contract, the
-- statements ours. A write that Orleans expects all or nothing (a membership row together with the table
-- version) runs in its own transaction, which takes the version row first, so concurrent writers queue on it;
-- it answers 1, or 0 with nothing changed (Orleans reads 0 as "lost the race, read again").
-- One batch (no GO) so that the server can apply it inside one transaction.

CREATE TABLE dbo.OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL,
    QueryText varchar(8000) NOT NULL,
    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);

-- One row per cluster (DeploymentId is Orleans' cluster id); Version orders every change of membership.
CREATE TABLE dbo.OrleansMembershipVersionTable
(
    DeploymentId nvarchar(150) NOT NULL,
    Timestamp    datetime2(3)  NOT NULL CONSTRAINT DF_OrleansMembershipVersionTable_Timestamp DEFAULT SYSUTCDATETIME(),
    Version      int           NOT NULL CONSTRAINT DF_OrleansMembershipVersionTable_Version DEFAULT 0,
    CONSTRAINT PK_OrleansMembershipVersionTable_DeploymentId PRIMARY KEY (DeploymentId)
);

-- One row per silo incarnation (address, port and generation, which is its start time).
CREATE TABLE dbo.OrleansMembershipTable
(
    DeploymentId nvarchar(150) NOT NULL,
    Address      varchar(45)   NOT NULL,
    Port         int           NOT NULL,
    Generation   int           NOT NULL,
    SiloName     nvarchar(150) NOT NULL,
    HostName     nvarchar(150) NOT NULL,
    Status       int           NOT NULL,
    ProxyPort    int           NULL,
    SuspectTimes varchar(8000) NULL,
    StartTime    datetime2(3)  NOT NULL,
    IAmAliveTime datetime2(3)  NOT NULL,
    CONSTRAINT PK_MembershipTable_DeploymentId PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_MembershipTable_MembershipVersionTable_DeploymentId
        FOREIGN KEY (DeploymentId) REFERENCES dbo.OrleansMembershipVersionTable (DeploymentId)
);

INSERT INTO dbo.OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', '
SET NOCOUNT ON;
INSERT INTO dbo.OrleansMembershipVersionTable (DeploymentId)
SELECT @DeploymentId
WHERE NOT EXISTS (SELECT 1 FROM dbo.OrleansMembershipVersionTable WITH (UPDLOCK, HOLDLOCK) WHERE DeploymentId = @DeploymentId);
SELECT @@ROWCOUNT;
'),
('InsertMembershipKey', '
SET XACT_ABORT, NOCOUNT ON;
DECLARE @done int = 0;
BEGIN TRANSACTION;
UPDATE dbo.OrleansMembershipVersionTable
SET Version = Version + 1, Timestamp = SYSUTCDATETIME()
WHERE DeploymentId = @DeploymentId AND Version = @Version;
IF @@ROWCOUNT = 1
BEGIN
    INSERT INTO dbo.OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    WHERE NOT EXISTS (SELECT 1 FROM dbo.OrleansMembershipTable WITH (UPDLOCK, HOLDLOCK)
        WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation);
    SET @done = @@ROWCOUNT;
END;
IF @done = 1 COMMIT TRANSACTION; ELSE ROLLBACK TRANSACTION;
SELECT @done;
'),
('UpdateMembershipKey', '
SET XACT_ABORT, NOCOUNT ON;
DECLARE @done int = 0;
BEGIN TRANSACTION;
UPDATE dbo.OrleansMembershipVersionTable
SET Version = Version + 1, Timestamp = SYSUTCDATETIME()
WHERE DeploymentId = @DeploymentId AND Version = @Version;
IF @@ROWCOUNT = 1
BEGIN
    UPDATE dbo.OrleansMembershipTable
    SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
    WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;
    SET @done = @@ROWCOUNT;
END;
IF @done = 1 COMMIT TRANSACTION; ELSE ROLLBACK TRANSACTION;
SELECT @done;
'),
('UpdateIAmAlivetimeKey', '
SET NOCOUNT ON;
UPDATE dbo.OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;
'),
('MembershipReadRowKey', '
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
    m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM dbo.OrleansMembershipVersionTable v
LEFT JOIN dbo.OrleansMembershipTable m
    ON m.DeploymentId = v.DeploymentId AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;
'),
('MembershipReadAllKey', '
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
    m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM dbo.OrleansMembershipVersionTable v
LEFT JOIN dbo.OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;
'),
('GatewaysQueryKey', '
SELECT Address, ProxyPort, Generation
FROM dbo.OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
'),
('DeleteMembershipTableEntriesKey', '
DELETE FROM dbo.OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
DELETE FROM dbo.OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
'),
('CleanupDefunctSiloEntriesKey', '
DELETE FROM dbo.OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3;
');
