-- Validation steps, board lists and decisions, proposals and their checks are never changed afterwards.
create trigger saving_validation_step_append_only
    before update or delete on saving_validation_step
    for each row execute function refuse_change_to_append_only_table();

create trigger board_meeting_append_only
    before update or delete on board_meeting
    for each row execute function refuse_change_to_append_only_table();

create trigger board_item_append_only
    before update or delete on board_item
    for each row execute function refuse_change_to_append_only_table();

create trigger board_item_decision_append_only
    before update or delete on board_item_decision
    for each row execute function refuse_change_to_append_only_table();

create trigger efficiency_proposal_append_only
    before update or delete on efficiency_proposal
    for each row execute function refuse_change_to_append_only_table();

create trigger efficiency_proposal_check_append_only
    before update or delete on efficiency_proposal_check
    for each row execute function refuse_change_to_append_only_table();
