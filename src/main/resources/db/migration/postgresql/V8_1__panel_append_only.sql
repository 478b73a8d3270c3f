-- Requests, decisions, seatings and deliveries can only be inserted into.
create trigger package_request_append_only
    before update or delete on package_request
    for each row execute function refuse_change_to_append_only_table();

create trigger panel_decision_append_only
    before update or delete on panel_decision
    for each row execute function refuse_change_to_append_only_table();

create trigger panel_seating_append_only
    before update or delete on panel_seating
    for each row execute function refuse_change_to_append_only_table();

create trigger panel_decision_delivery_append_only
    before update or delete on panel_decision_delivery
    for each row execute function refuse_change_to_append_only_table();

create trigger panel_meeting_append_only
    before update or delete on panel_meeting
    for each row execute function refuse_change_to_append_only_table();
