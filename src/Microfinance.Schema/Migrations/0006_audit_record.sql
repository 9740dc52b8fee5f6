-- The audit trail: one row per change asked of the platform (who, in what role, which RPC and
-- request id, on which entity, with what outcome, when). Rows are only ever added: silos are
-- granted INSERT and SELECT on this table and nothing else (see SchemaMigrator). No request
-- content is kept, so no personal data.
--
-- sequence orders the trail and pages it (newest first, keyset on sequence); queries select by
-- the entity, by the region (a prefix of the division code's short form) and by time.

CREATE TABLE audit_record
(
    sequence    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_id  text        NOT NULL,
    recorded_at timestamptz NOT NULL,
    actor       text        NOT NULL,
    role        text        NOT NULL,
    method      text        NOT NULL,
    request_id  text        NOT NULL,
    entity_kind text        NOT NULL,
    entity_id   text        NOT NULL,
    region      text        NOT NULL,
    outcome     text        NOT NULL,
    reason      text
);

CREATE INDEX audit_record_by_entity ON audit_record (service_id, entity_kind, entity_id, sequence);
CREATE INDEX audit_record_by_region ON audit_record (service_id, region text_pattern_ops, sequence);
CREATE INDEX audit_record_by_time ON audit_record (service_id, recorded_at);
