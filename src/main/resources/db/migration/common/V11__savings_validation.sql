-- Finance validation and Change and Efficiency Board ratification of savings (issue 6).
-- The stage of a saving lives in the ledger (saving_status_event); these tables hold what the
-- ledger does not: each validation step with its evidence, the board's monthly lists and its
-- decisions on them, and proposed efficiencies with the head of finance's achievability check.
-- All are insert-only (on PostgreSQL, triggers in V11_1 refuse UPDATE and DELETE).

create sequence saving_validation_step_seq start with 1 increment by 50;
create sequence board_meeting_seq start with 1 increment by 50;
create sequence board_item_seq start with 1 increment by 50;
create sequence efficiency_proposal_seq start with 1 increment by 50;

create table saving_validation_step (
    id                      bigint        not null primary key,
    cost_change_id          bigint        not null references cost_change (id),
    step                    varchar(30)   not null,
    -- Validations only: the weekly amount validated (the claim when finance agreed with it) and the
    -- confirmation that the new cost is live (e.g. the provider payment changed).
    validated_weekly_delta  numeric(12,2),
    new_cost_live           boolean,
    second_validation_required boolean,
    reason                  varchar(1000),
    actor                   varchar(100)  not null,
    occurred_at             timestamp with time zone not null,
    constraint saving_validation_step_known check
        (step in ('VALIDATION', 'SECOND_VALIDATION', 'REJECTION', 'RESUBMISSION', 'WITHDRAWAL'))
);
create index saving_validation_step_entry_idx on saving_validation_step (cost_change_id);

create table board_meeting (
    id                      bigint        not null primary key,
    -- The first day of the month the list was gathered for: one list a month.
    meeting_month           date          not null unique,
    gathered_at             timestamp with time zone not null,
    gathered_by             varchar(100)  not null
);

create table board_item (
    id                      bigint        not null primary key,
    board_meeting_id        bigint        not null references board_meeting (id),
    cost_change_id          bigint        not null references cost_change (id),
    constraint board_item_once_per_meeting unique (board_meeting_id, cost_change_id)
);
create index board_item_entry_idx on board_item (cost_change_id);

create table board_item_decision (
    board_item_id           bigint        not null primary key references board_item (id),
    decision                varchar(20)   not null,
    reason                  varchar(1000),
    decided_by              varchar(100)  not null,
    decided_at              timestamp with time zone not null,
    constraint board_item_decision_known check (decision in ('RATIFIED', 'HELD_BACK')),
    constraint board_item_hold_back_has_reason check (decision = 'RATIFIED' or reason is not null)
);

create table efficiency_proposal (
    id                      bigint        not null primary key,
    line_code               varchar(40)   not null,
    name                    varchar(300)  not null,
    theme                   varchar(120)  not null,
    kind                    varchar(40)   not null,
    owner                   varchar(120),
    financial_year          integer       not null,
    target                  numeric(14,2) not null,
    rationale               varchar(2000) not null,
    proposed_by             varchar(100)  not null,
    proposed_at             timestamp with time zone not null
);

create table efficiency_proposal_check (
    proposal_id             bigint        not null primary key references efficiency_proposal (id),
    achievable              boolean       not null,
    note                    varchar(2000) not null,
    checked_by              varchar(100)  not null,
    checked_at              timestamp with time zone not null
);
