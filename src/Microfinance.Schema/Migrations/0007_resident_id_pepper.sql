-- Resident-id claims keyed by a peppered hash, not by the resident id itself: the claim grain's
-- key is its storage row's grain_key and appears in Orleans' log lines, and a resident id is
-- personal data. The key is the lowercase hex of the first 16 bytes of
-- SHA-256(pepper || UTF-8(resident id)), as Microfinance.Grains.Households.ResidentIdKey computes it.
--
-- The pepper is made here, once, and never leaves the database but to the silos, which may only
-- read it (see SchemaMigrator). Two random UUIDs give 244 random bits from the server's strong
-- source (gen_random_uuid, built in since PostgreSQL 13). A resident id (a region, a birth date,
-- a sequence and a check digit) carries fewer than 40 bits: without the pepper, every key is guessed.

CREATE TABLE platform_secret
(
    name  text  NOT NULL PRIMARY KEY,
    value bytea NOT NULL
);

INSERT INTO platform_secret (name, value)
VALUES ('resident_id_pepper', uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()));

-- Every claim written before this migration is keyed by the resident id. Claims the ADO.NET
-- provider keeps in orleans_grain_state cannot be re-keyed here (their rows carry hashes of the
-- key that Orleans computes); a silo on that provider refuses to start while any remain.
UPDATE grain_state
SET grain_key = encode(
    substring(sha256((SELECT value FROM platform_secret WHERE name = 'resident_id_pepper') || convert_to(grain_key, 'UTF8'))
              FROM 1 FOR 16),
    'hex')
WHERE grain_type = 'residentidclaim' AND state_name = 'residentclaim';
