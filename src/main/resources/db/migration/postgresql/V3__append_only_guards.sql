-- Money and decisions are never overwritten: package versions can only be inserted.
create function refuse_change_to_append_only_table() returns trigger
    language plpgsql as
$$
begin
    raise exception 'table % is append-only: % refused', tg_table_name, tg_op
        using errcode = 'integrity_constraint_violation';
end;
$$;

create trigger care_package_version_append_only
    before update or delete on care_package_version
    for each row execute function refuse_change_to_append_only_table();
