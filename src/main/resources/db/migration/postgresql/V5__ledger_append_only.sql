-- The ledger and its status history can only be inserted into.
create trigger cost_change_append_only
    before update or delete on cost_change
    for each row execute function refuse_change_to_append_only_table();

create trigger saving_status_event_append_only
    before update or delete on saving_status_event
    for each row execute function refuse_change_to_append_only_table();
