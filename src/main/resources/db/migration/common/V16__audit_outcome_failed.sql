-- An audited call that was attempted and not done for a reason other than access (bad input, a
-- conflict, a server error) is recorded as FAILED, no longer as ALLOWED.
alter table audit_event drop constraint audit_event_outcome_known;
alter table audit_event add constraint audit_event_outcome_known check (outcome in ('ALLOWED', 'REFUSED', 'FAILED'));
