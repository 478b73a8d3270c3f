-- audit_event is append-only. The trigger refuses every UPDATE, every TRUNCATE and every DELETE, except a
-- DELETE made by purge_audit_events() of an event older than the cut-off that the purge was given. The
-- purge refuses a cut-off less than 365 days ago, so no event younger than a year can ever be deleted,
-- whatever the application's retention setting.
create function guard_audit_event() returns trigger
    language plpgsql as
$$
declare
    purge_before text := current_setting('care_reviews.audit_purge_before', true);
begin
    if tg_op = 'DELETE' and purge_before is not null and purge_before <> ''
            and old.occurred_at < purge_before::timestamptz then
        return old;
    end if;
    raise exception 'audit_event is append-only: % refused', tg_op
        using errcode = 'integrity_constraint_violation';
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function guard_audit_event();

create function refuse_truncate_of_audit_event() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_event is append-only: TRUNCATE refused' using errcode = 'integrity_constraint_violation';
end;
$$;

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function refuse_truncate_of_audit_event();

-- The retention purge: deletes the events that occurred before p_before and returns how many.
create function purge_audit_events(p_before timestamptz) returns integer
    language plpgsql as
$$
declare
    deleted integer;
begin
    if p_before > now() - interval '365 days' then
        raise exception 'audit events are kept for at least 365 days: purge before % refused', p_before
            using errcode = 'integrity_constraint_violation';
    end if;
    perform set_config('care_reviews.audit_purge_before', p_before::text, true);
    delete from audit_event where occurred_at < p_before;
    get diagnostics deleted = row_count;
    perform set_config('care_reviews.audit_purge_before', '', true);
    return deleted;
end;
$$;
