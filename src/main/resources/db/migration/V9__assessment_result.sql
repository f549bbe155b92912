-- Each distinct result (facts and findings as JSON) is stored once: CI pipelines re-assess the same policy against
-- the same rule-set version many times, and the result is the same each time (the assessment is deterministic).
-- A result is keyed by the sha256 of its JSON; results stored before this migration keep their assessment's id as
-- their key, so nothing is recomputed here.
create table assessment_result (
    result_key    varchar(64) primary key,
    facts_json    text        not null,
    findings_json text        not null
);
insert into assessment_result (result_key, facts_json, findings_json)
    select cast(id as varchar(64)), facts_json, findings_json from assessment;
alter table assessment add column result_key varchar(64);
update assessment set result_key = cast(id as varchar(64));
alter table assessment alter column result_key set not null;
alter table assessment add constraint fk_assessment_result foreign key (result_key) references assessment_result (result_key);
alter table assessment drop column facts_json;
alter table assessment drop column findings_json;
