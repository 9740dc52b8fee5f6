-- Grain state for the platform's own storage provider (Microfinance.Storage): one row per
-- (service, grain id, state name), written by statements that carry many grains' rows at once.
--
-- Identity: the full grain id, as its type and its key, plus the state name. Unlike the ADO.NET
-- table, two grain types with the same key and state name are two rows.
--
-- Concurrency: version is the etag. A write presents the version it read (none for a grain that
-- has no row yet) and the statement checks it per row, so a stale writer changes nothing while
-- the other rows of its batch commit. Versions count every write from 1 and never wrap.
--
-- Updates touch no indexed column, so with free space left on each page (fillfactor) they can
-- stay on the same page (HOT) without touching the index.

CREATE TABLE grain_state
(
    grain_key   text        NOT NULL,
    grain_type  text        NOT NULL,
    state_name  text        NOT NULL,
    service_id  text        NOT NULL,
    -- NULL after a clear: the row and its version survive so stale writers still fail.
    payload     bytea,
    version     bigint      NOT NULL,
    modified_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grain_key, grain_type, state_name, service_id)
)
WITH (fillfactor = 80);

-- A state over about 2 kB (a county's books, a register of loan ids) is compressed on every
-- write; lz4 takes a fraction of the CPU of PostgreSQL's default pglz. A server built without lz4
-- keeps pglz.
DO $$
BEGIN
    ALTER TABLE grain_state ALTER COLUMN payload SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    NULL;
END
$$;

-- Applies one batch of writes in the caller's transaction (one statement, so one transaction):
-- each element of the arrays is one grain's write, checked on its own against the version its
-- writer saw. An update (a NULL payload clears the state) needs the row at that version, an
-- insert (no expected version) needs no row, a delete needs the row at that version; clearing or
-- deleting a state never written needs no row and leaves none. A row whose check fails changes
-- nothing and the rest of the batch still commits. Returns the position (from 1) and new version
-- of each write that was applied; NULL when no row is left. The caller orders the batch by key,
-- so two batches that share rows lock them in the same order and cannot deadlock.
--
-- Each write is its own statement on the full primary key, so its plan is one index probe however
-- stale the table's statistics are; a single set-based statement joining the batch to the table
-- left the plan to those statistics, and from an empty table the planner chose to scan it all.
CREATE FUNCTION grain_state_write(
    p_service_id        text,
    p_grain_types       text[],
    p_grain_keys        text[],
    p_state_names       text[],
    p_expected_versions bigint[],
    p_payloads          bytea[],
    p_deletes           boolean[])
RETURNS TABLE (batch_position bigint, new_version bigint)
LANGUAGE plpgsql
AS $$
DECLARE
    w record;
    written bigint;
BEGIN
    -- unnest walks the arrays once; subscripting them by position would walk the payloads anew each time.
    FOR w IN
        SELECT *
        FROM unnest(p_grain_types, p_grain_keys, p_state_names, p_expected_versions, p_payloads, p_deletes)
            WITH ORDINALITY AS b(grain_type, grain_key, state_name, expected_version, payload, remove, position)
    LOOP
        IF w.expected_version IS NULL AND (w.remove OR w.payload IS NULL) THEN
            IF NOT EXISTS (
                SELECT FROM grain_state
                WHERE grain_key = w.grain_key AND grain_type = w.grain_type
                  AND state_name = w.state_name AND service_id = p_service_id)
            THEN
                batch_position := w.position;
                new_version := NULL;
                RETURN NEXT;
            END IF;
        ELSIF w.remove THEN
            DELETE FROM grain_state
            WHERE grain_key = w.grain_key AND grain_type = w.grain_type
              AND state_name = w.state_name AND service_id = p_service_id
              AND version = w.expected_version
            RETURNING version INTO written;
            IF written IS NOT NULL THEN
                batch_position := w.position;
                new_version := NULL;
                RETURN NEXT;
            END IF;
        ELSE
            IF w.expected_version IS NULL THEN
                INSERT INTO grain_state (grain_key, grain_type, state_name, service_id, payload, version)
                VALUES (w.grain_key, w.grain_type, w.state_name, p_service_id, w.payload, 1)
                ON CONFLICT DO NOTHING
                RETURNING version INTO written;
            ELSE
                UPDATE grain_state
                SET payload = w.payload, version = version + 1, modified_at = now()
                WHERE grain_key = w.grain_key AND grain_type = w.grain_type
                  AND state_name = w.state_name AND service_id = p_service_id
                  AND version = w.expected_version
                RETURNING version INTO written;
            END IF;
            IF written IS NOT NULL THEN
                batch_position := w.position;
                new_version := written;
                RETURN NEXT;
            END IF;
        END IF;
    END LOOP;
END
$$;

-- Move what the ADO.NET provider stored. Its rows lack the grain type; every grain class of the
-- platform has a state name of its own, so the state name says which grain type a row belongs to.
-- The platform's grains all have string keys, which the ADO.NET provider stored in two ways: a
-- key made of hex digits only (a division code, e.g. 530124) it parsed as a hexadecimal number
-- into grain_id_n1, with no extension; any other key it kept as the extension ('+' || key).
-- to_hex gives such a key back exactly when it has no leading zero and no upper-case letter:
-- true of division codes, the only such keys the platform makes. (A loan id made only of digits
-- and starting with 0 would come back without its zeros; the ADO.NET provider already stored
-- '0012' and '12' as one row.) Rows of other state names, and of other key kinds, stay where
-- they are. A region's children got a row of their own later (e.g. villagechildren): a
-- database this build wrote through the ADO.NET provider before migrating holds those too.
CREATE TEMPORARY TABLE grain_state_owner (state_name text PRIMARY KEY, grain_type text NOT NULL) ON COMMIT DROP;
INSERT INTO grain_state_owner (state_name, grain_type) VALUES
    ('claimregister', 'claimregister'),
    ('compensationclaim', 'compensationclaim'),
    ('county', 'county'),
    ('countychildren', 'county'),
    ('countybooks', 'countybooks'),
    ('countydeferrals', 'countydeferrals'),
    ('countypolicy', 'countypolicy'),
    ('dueindex', 'dueindex'),
    ('fundaccount', 'fundaccount'),
    ('household', 'household'),
    ('legalperson', 'legalperson'),
    ('loan', 'loan'),
    ('loanregister', 'loanregister'),
    ('province', 'province'),
    ('provincechildren', 'province'),
    ('residentclaim', 'residentidclaim'),
    ('subsidystatement', 'subsidystatement'),
    ('township', 'township'),
    ('townshipchildren', 'township'),
    ('village', 'village'),
    ('villagechildren', 'village'),
    -- Stream subscriptions (the PubSubStore), keyed by stream id.
    ('PubSubRendezvousGrain', 'pubsubrendezvous');

WITH moved AS (
    DELETE FROM orleans_grain_state AS old
    USING grain_state_owner AS owner
    WHERE old.grain_type = owner.state_name
      AND old.grain_id_n0 = 0
      AND ((old.grain_id_n1 = 0 AND old.grain_key_ext LIKE '+%') OR old.grain_key_ext = '')
    RETURNING old.service_id, owner.grain_type, old.grain_type AS state_name,
              CASE WHEN old.grain_key_ext = '' THEN to_hex(old.grain_id_n1) ELSE substr(old.grain_key_ext, 2) END AS grain_key,
              old.payload, old.version, old.modified_at
)
INSERT INTO grain_state (grain_key, grain_type, state_name, service_id, payload, version, modified_at)
SELECT grain_key, grain_type, state_name, service_id, payload, version, modified_at
FROM moved;
