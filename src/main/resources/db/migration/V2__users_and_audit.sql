-- Users of the embedded default (OIDC replaces them in production, see README "Security").
create table app_user (
    username       varchar(100) primary key,
    password_hash  varchar(100) not null, -- bcrypt, modular crypt format
    roles          varchar(200) not null, -- comma-separated: reviewer, rule-author, admin
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);

-- Append-only audit log. Each event's hash covers its content and the previous event's hash, so editing or
-- deleting a stored event breaks the chain (GET /api/v1/audit/verify finds where).
create table audit_event (
    seq          bigint primary key,
    at           timestamp with time zone not null,
    actor        varchar(200) not null,
    action       varchar(64)  not null,
    target       varchar(200) not null,
    before_sha   varchar(64),
    after_sha    varchar(64),
    detail       varchar(2000),
    prev_hash    varchar(64)  not null,
    hash         varchar(64)  not null
);

-- The chain's head, one row: appending locks it, so events from several replicas form one chain.
create table audit_head (
    id    integer primary key,
    seq   bigint      not null,
    hash  varchar(64) not null
);
insert into audit_head (id, seq, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
