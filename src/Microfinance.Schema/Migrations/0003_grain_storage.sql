-- Grain state for Microsoft.Orleans.Persistence.AdoNet: the product's hot path, one row per
-- (service, state name, grain key), written once per grain state change.
--
-- Identity: Orleans passes the grain key as two 64-bit parts plus an optional extension string,
-- the state name as grain_type, and 32-bit hashes of both. The hashes lead the primary key so
-- that comparisons usually end on integers; the full values follow because hashes collide.
-- Orleans uses the state name, not the grain class, as "grain type": two grain classes that
-- share a state name and a key share a row, so every grain class needs its own state name.
--
-- Concurrency: version is the etag. A write must present the version it read (or none, for a
-- grain that has no row yet); the statement that changes the row checks it, so a stale writer
-- changes nothing and gets NULL back, which Orleans turns into InconsistentStateException.
--
-- Every write is one round trip: a single call of a function whose plans PostgreSQL caches
-- per connection. Updates touch no indexed column, so with free space left on each page
-- (fillfactor) they can stay on the same page (HOT) without touching the index.

CREATE TABLE orleans_grain_state
(
    grain_id_hash   integer     NOT NULL,
    grain_type_hash integer     NOT NULL,
    grain_id_n0     bigint      NOT NULL,
    grain_id_n1     bigint      NOT NULL,
    service_id      text        NOT NULL,
    grain_type      text        NOT NULL,
    -- Encoded by orleans_grain_key_ext so that "no extension" and an empty extension stay
    -- distinct keys while the column can still be part of the primary key.
    grain_key_ext   text        NOT NULL,
    -- NULL after ClearStateAsync: the row and its version survive so stale writers still fail.
    payload         bytea,
    version         integer     NOT NULL,
    modified_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, service_id, grain_type,
                 grain_key_ext)
)
WITH (fillfactor = 80);

CREATE FUNCTION orleans_grain_key_ext(p_extension text)
RETURNS text
LANGUAGE sql
IMMUTABLE
AS $$ SELECT coalesce('+' || p_extension, '') $$;

-- Orleans parses the etag as a 32-bit integer; wrapping to 1 keeps a long-lived grain writable
-- and every new version different from the one before it.
CREATE FUNCTION orleans_grain_next_version(p_version integer)
RETURNS integer
LANGUAGE sql
IMMUTABLE
AS $$ SELECT CASE WHEN p_version = 2147483647 THEN 1 ELSE p_version + 1 END $$;

CREATE FUNCTION orleans_grain_state_write(
    p_service_id       text,
    p_grain_type       text,
    p_grain_type_hash  integer,
    p_grain_id_hash    integer,
    p_grain_id_n0      bigint,
    p_grain_id_n1      bigint,
    p_grain_id_ext     text,
    p_expected_version integer,
    p_payload          bytea)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    new_version integer;
BEGIN
    IF p_expected_version IS NULL THEN
        -- First write: if another activation inserted the row first, this one is stale.
        INSERT INTO orleans_grain_state
            (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, service_id, grain_type,
             grain_key_ext, payload, version)
        VALUES
            (p_grain_id_hash, p_grain_type_hash, p_grain_id_n0, p_grain_id_n1, p_service_id,
             p_grain_type, orleans_grain_key_ext(p_grain_id_ext), p_payload, 1)
        ON CONFLICT DO NOTHING
        RETURNING version INTO new_version;
    ELSE
        UPDATE orleans_grain_state
        SET payload = p_payload,
            version = orleans_grain_next_version(version),
            modified_at = now()
        WHERE grain_id_hash = p_grain_id_hash
          AND grain_type_hash = p_grain_type_hash
          AND grain_id_n0 = p_grain_id_n0
          AND grain_id_n1 = p_grain_id_n1
          AND service_id = p_service_id
          AND grain_type = p_grain_type
          AND grain_key_ext = orleans_grain_key_ext(p_grain_id_ext)
          AND version = p_expected_version
        RETURNING version INTO new_version;
    END IF;
    RETURN new_version;
END
$$;

-- Clearing keeps the row (payload NULL) and moves its version on, so an activation holding the
-- pre-clear etag cannot overwrite the clear.
CREATE FUNCTION orleans_grain_state_clear(
    p_service_id       text,
    p_grain_type       text,
    p_grain_type_hash  integer,
    p_grain_id_hash    integer,
    p_grain_id_n0      bigint,
    p_grain_id_n1      bigint,
    p_grain_id_ext     text,
    p_expected_version integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    new_version integer;
BEGIN
    UPDATE orleans_grain_state
    SET payload = NULL,
        version = orleans_grain_next_version(version),
        modified_at = now()
    WHERE grain_id_hash = p_grain_id_hash
      AND grain_type_hash = p_grain_type_hash
      AND grain_id_n0 = p_grain_id_n0
      AND grain_id_n1 = p_grain_id_n1
      AND service_id = p_service_id
      AND grain_type = p_grain_type
      AND grain_key_ext = orleans_grain_key_ext(p_grain_id_ext)
      AND version = p_expected_version
    RETURNING version INTO new_version;
    RETURN new_version;
END
$$;

-- Only used when a silo opts into DeleteStateOnClear. Orleans wants a value different from the
-- etag on success and forgets the etag afterwards; the grain's next write inserts afresh.
CREATE FUNCTION orleans_grain_state_delete(
    p_service_id       text,
    p_grain_type       text,
    p_grain_type_hash  integer,
    p_grain_id_hash    integer,
    p_grain_id_n0      bigint,
    p_grain_id_n1      bigint,
    p_grain_id_ext     text,
    p_expected_version integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    deleted_version integer;
BEGIN
    DELETE FROM orleans_grain_state
    WHERE grain_id_hash = p_grain_id_hash
      AND grain_type_hash = p_grain_type_hash
      AND grain_id_n0 = p_grain_id_n0
      AND grain_id_n1 = p_grain_id_n1
      AND service_id = p_service_id
      AND grain_type = p_grain_type
      AND grain_key_ext = orleans_grain_key_ext(p_grain_id_ext)
      AND version = p_expected_version
    RETURNING version INTO deleted_version;
    RETURN orleans_grain_next_version(deleted_version);
END
$$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
SELECT payload AS "PayloadBinary", version AS "Version"
FROM orleans_grain_state
WHERE grain_id_hash = @GrainIdHash
  AND grain_type_hash = @GrainTypeHash
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND service_id = @ServiceId
  AND grain_type = @GrainTypeString
  AND grain_key_ext = orleans_grain_key_ext(@GrainIdExtensionString)'),

('WriteToStorageKey', '
SELECT orleans_grain_state_write(@ServiceId, @GrainTypeString, @GrainTypeHash, @GrainIdHash,
    @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @GrainStateVersion, @PayloadBinary)
    AS "NewGrainStateVersion"'),

('ClearStorageKey', '
SELECT orleans_grain_state_clear(@ServiceId, @GrainTypeString, @GrainTypeHash, @GrainIdHash,
    @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @GrainStateVersion)
    AS "NewGrainStateVersion"'),

('DeleteStorageKey', '
SELECT orleans_grain_state_delete(@ServiceId, @GrainTypeString, @GrainTypeHash, @GrainIdHash,
    @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @GrainStateVersion)
    AS "NewGrainStateVersion"');
