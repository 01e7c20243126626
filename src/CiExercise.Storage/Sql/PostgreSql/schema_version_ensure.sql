CREATE TABLE IF NOT EXISTS schema_version
(
    version    integer      NOT NULL,
    name       varchar(200) NOT NULL,
    applied_at bigint       NOT NULL,
    CONSTRAINT pk_schema_version PRIMARY KEY (version)
);
