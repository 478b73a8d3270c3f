-- Rating history of the dynamic support register can only be inserted into.
create trigger ctr_rating_change_append_only
    before update or delete on ctr_rating_change
    for each row execute function refuse_change_to_append_only_table();
