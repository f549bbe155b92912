-- The audit chain becomes keyed: events written from now on carry an HMAC-SHA256 (policygate.audit.hmac-key) over
-- their length-prefixed fields (scheme 2). Events already stored keep their unkeyed SHA-256 (scheme 1) and are
-- verified with it; the first keyed event's HMAC covers the last of them, and no unkeyed event may follow a keyed one.
alter table audit_event add column scheme smallint default 1 not null;
