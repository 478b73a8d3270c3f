-- Who an entry counts for is recorded with it, once, like the entry itself.
create trigger cost_change_attribution_append_only
    before update or delete on cost_change_attribution
    for each row execute function refuse_change_to_append_only_table();
