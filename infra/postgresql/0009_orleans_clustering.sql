-- CiExercise cluster membership, version 9 (PostgreSQL): the tables and queries of Orleans' ADO.NET clustering
-- (Microsoft.Orleans.Clustering.AdoNet, invariant "Npgsql"), so that the nodes of a cluster find each other
-- through the database they already share. Orleans reads its statements from OrleansQuery by key and
-- binds parameters and result columns by name: the names below are Orleans' contract, the statements ours.
-- A write that Orleans expects all or nothing (a membership row together with the table version) is one
-- function: a step that finds nothing raises CX001, which its block catches, undoing the other step, and the
-- caller gets 0 (Orleans reads 0 as "lost the race, read again").

CREATE TABLE OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL,
    QueryText varchar(8000) NOT NULL,
    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);

-- One row per cluster (DeploymentId is Orleans' cluster id); Version orders every change of membership.
CREATE TABLE OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL,
    Timestamp    timestamptz  NOT NULL DEFAULT now(),
    Version      integer      NOT NULL DEFAULT 0,
    CONSTRAINT PK_OrleansMembershipVersionTable_DeploymentId PRIMARY KEY (DeploymentId)
);

-- One row per silo incarnation (address, port and generation, which is its start time).
CREATE TABLE OrleansMembershipTable
(
    DeploymentId varchar(150)  NOT NULL,
    Address      varchar(45)   NOT NULL,
    Port         integer       NOT NULL,
    Generation   integer       NOT NULL,
    SiloName     varchar(150)  NOT NULL,
    HostName     varchar(150)  NOT NULL,
    Status       integer       NOT NULL,
    ProxyPort    integer       NULL,
    SuspectTimes varchar(8000) NULL,
    StartTime    timestamptz   NOT NULL,
    IAmAliveTime timestamptz   NOT NULL,
    CONSTRAINT PK_MembershipTable_DeploymentId PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_MembershipTable_MembershipVersionTable_DeploymentId
        FOREIGN KEY (DeploymentId) REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

-- A new silo's row, only while the table version is the one the silo read.
CREATE FUNCTION orleans_insert_membership(
    in_deployment_id text, in_address text, in_port integer, in_generation integer, in_silo_name text, in_host_name text, in_status integer,
    in_proxy_port integer, in_start_time timestamptz, in_i_am_alive_time timestamptz, in_expected_version integer)
    RETURNS integer
    LANGUAGE plpgsql
AS $$
BEGIN
    BEGIN
        UPDATE OrleansMembershipVersionTable v
        SET Version = v.Version + 1, Timestamp = now()
        WHERE v.DeploymentId = in_deployment_id AND v.Version = in_expected_version;
        IF NOT FOUND THEN RAISE SQLSTATE 'CX001'; END IF;

        INSERT INTO OrleansMembershipTable
            (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
        VALUES
            (in_deployment_id, in_address, in_port, in_generation, in_silo_name, in_host_name, in_status, in_proxy_port, in_start_time, in_i_am_alive_time)
        ON CONFLICT ON CONSTRAINT PK_MembershipTable_DeploymentId DO NOTHING;
        IF NOT FOUND THEN RAISE SQLSTATE 'CX001'; END IF;
        RETURN 1;
    EXCEPTION WHEN SQLSTATE 'CX001' THEN
        RETURN 0;
    END;
END;
$$;

-- A silo's status and suspicions, only while the table version is the one the writer read.
CREATE FUNCTION orleans_update_membership(
    in_deployment_id text, in_address text, in_port integer, in_generation integer, in_status integer, in_suspect_times text,
    in_i_am_alive_time timestamptz, in_expected_version integer)
    RETURNS integer
    LANGUAGE plpgsql
AS $$
BEGIN
    BEGIN
        UPDATE OrleansMembershipVersionTable v
        SET Version = v.Version + 1, Timestamp = now()
        WHERE v.DeploymentId = in_deployment_id AND v.Version = in_expected_version;
        IF NOT FOUND THEN RAISE SQLSTATE 'CX001'; END IF;

        UPDATE OrleansMembershipTable m
        SET Status = in_status, SuspectTimes = in_suspect_times, IAmAliveTime = in_i_am_alive_time
        WHERE m.DeploymentId = in_deployment_id AND m.Address = in_address AND m.Port = in_port AND m.Generation = in_generation;
        IF NOT FOUND THEN RAISE SQLSTATE 'CX001'; END IF;
        RETURN 1;
    EXCEPTION WHEN SQLSTATE 'CX001' THEN
        RETURN 0;
    END;
END;
$$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', '
WITH created AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer FROM created;
'),
('InsertMembershipKey', '
SELECT orleans_insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
    @ProxyPort, @StartTime, @IAmAliveTime, @Version);
'),
('UpdateMembershipKey', '
SELECT orleans_update_membership(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
    @IAmAliveTime, @Version);
'),
('UpdateIAmAlivetimeKey', '
UPDATE OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;
'),
('MembershipReadRowKey', '
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
    m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m
    ON m.DeploymentId = v.DeploymentId AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;
'),
('MembershipReadAllKey', '
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
    m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;
'),
('GatewaysQueryKey', '
SELECT Address, ProxyPort, Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
'),
('DeleteMembershipTableEntriesKey', '
DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
'),
-- Status 3 is Active: the row of a live silo is never swept, however late its last heartbeat.
('CleanupDefunctSiloEntriesKey', '
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3;
');
