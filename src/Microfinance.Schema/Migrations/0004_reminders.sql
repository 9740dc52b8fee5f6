-- Reminders for Microsoft.Orleans.Reminders.AdoNet: one row per (service, grain, reminder name).
--
-- Concurrency: version is the reminder's etag. Orleans upserts unconditionally and gets the new
-- version back; it deletes only with the etag it holds, so a reminder re-registered in between
-- is not removed by a stale delete.
--
-- The reminder service of each silo reads the rows whose grain hash falls in its slice of the
-- hash ring; (service_id, grain_hash) serves those range scans.

CREATE TABLE orleans_reminder
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    -- Milliseconds; Orleans reads it as a 64-bit integer.
    period_ms     bigint      NOT NULL,
    -- Orleans' uniform hash of the grain id, reinterpreted as a signed 32-bit integer.
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX orleans_reminder_ring ON orleans_reminder (service_id, grain_hash);

-- Ring ranges are (BeginHash, EndHash]. Orleans picks ReadRangeRows1Key when the range does not
-- wrap in signed order and ReadRangeRows2Key when it does (which includes the full ring,
-- BeginHash = EndHash).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadReminderRowsKey', '
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId'),

('ReadReminderRowKey', '
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName'),

('ReadRangeRows1Key', '
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash'),

('ReadRangeRows2Key', '
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)'),

('UpsertReminderRowKey', '
INSERT INTO orleans_reminder AS r
    (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES
    (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = excluded.start_time,
    period_ms = excluded.period_ms,
    grain_hash = excluded.grain_hash,
    version = r.version + 1
RETURNING version AS "Version"'),

('DeleteReminderRowKey', '
WITH deleted AS (
    DELETE FROM orleans_reminder
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
      AND version = @Version
    RETURNING 1)
SELECT count(*) = 1 FROM deleted'),

('DeleteReminderRowsKey', '
DELETE FROM orleans_reminder
WHERE service_id = @ServiceId');
