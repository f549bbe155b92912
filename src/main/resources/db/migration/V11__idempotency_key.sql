-- An Idempotency-Key sent with POST /api/v1/assessments or /api/v1/gate, per caller: a retry with the same key and
-- body gets the assessment that the first request stored. The primary key lets only one of two concurrent requests
-- with the same key claim it (and assess); rows older than policygate.idempotency.retention are deleted.
create table idempotency_key (
    caller          varchar(200) not null,
    idem_key        varchar(200) not null,
    request_sha256  varchar(64)  not null,
    assessment_id   varchar(36), -- the stored assessment's id as text; null while it is still being assessed
    created_at      timestamp with time zone not null,
    primary key (caller, idem_key)
);

create index ix_idempotency_key_created on idempotency_key (created_at);
