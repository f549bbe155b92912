-- How to fix an obligation that is not met (JSON {zh, en, clauseZh, section, sectionMatch, samples}); null: none.
-- Part of the revision's content, so it is versioned with the rule set like the DRL.
alter table obligation_revision add column remediation text;
