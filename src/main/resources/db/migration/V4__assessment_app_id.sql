-- A stable identity for the same policy over time: the app it belongs to and a label of its version.
alter table assessment add column app_id varchar(200);
alter table assessment add column version_label varchar(200);
create index ix_assessment_app on assessment (app_id, created_at);
