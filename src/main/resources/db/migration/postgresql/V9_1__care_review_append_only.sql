-- A review's recorded outcomes, applied changes and history are never changed afterwards.
create trigger care_review_outcome_append_only
    before update or delete on care_review_outcome
    for each row execute function refuse_change_to_append_only_table();

create trigger care_review_change_append_only
    before update or delete on care_review_change
    for each row execute function refuse_change_to_append_only_table();

create trigger care_review_event_append_only
    before update or delete on care_review_event
    for each row execute function refuse_change_to_append_only_table();
