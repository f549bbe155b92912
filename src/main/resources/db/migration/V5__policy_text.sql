-- Each distinct normalised policy text is stored once, keyed by its sha256 (CI pipelines re-assess the same
-- policy many times); an assessment refers to its text by document_sha256.
create table policy_text (
    sha256          varchar(64) primary key,
    normalized_text text        not null
);
insert into policy_text (sha256, normalized_text)
    select document_sha256, min(normalized_text) from assessment group by document_sha256;
alter table assessment add constraint fk_assessment_text foreign key (document_sha256) references policy_text (sha256);
alter table assessment drop column normalized_text;
