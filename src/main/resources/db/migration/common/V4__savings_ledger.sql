-- The savings ledger: append-only cost-change entries and the status events of each saving.
-- A correction, reversal or clawback is a new entry pointing at the entry it adjusts; nothing is edited.

create sequence cost_change_seq start with 1 increment by 50;
create sequence saving_status_event_seq start with 1 increment by 50;

create table cost_change (
    id                     bigint        not null primary key,
    entry_type             varchar(20)   not null,
    -- One source decision gives one entry of each role: e.g. "REVIEW:4711", "REVIEW:4711/clawback-of:12".
    -- The unique key is what stops the same change counting twice, whatever the code does.
    source_key             varchar(200)  not null,
    source_process         varchar(20)   not null,
    source_reference       varchar(120)  not null,
    care_package_id        bigint        not null references care_package (id),
    person_id              bigint        not null references person (id),
    old_net_weekly_cost    numeric(12,2) not null,
    new_net_weekly_cost    numeric(12,2) not null,
    weekly_delta           numeric(12,2) not null,
    effective_date         date          not null,
    financial_year         integer       not null,
    full_year_effect       numeric(14,2) not null,
    in_year_effect         numeric(14,2) not null,
    carry_forward_effect   numeric(14,2) not null,
    kind                   varchar(40)   not null,
    savings_line_code      varchar(40)   not null references savings_line (code),
    reason                 varchar(1000) not null,
    adjusts_entry_id       bigint        references cost_change (id),
    recorded_by            varchar(100)  not null,
    recorded_at            timestamp with time zone not null,
    constraint cost_change_source_key_unique unique (source_key),
    constraint cost_change_entry_type_known check (entry_type in ('CHANGE', 'CORRECTION', 'REVERSAL', 'CLAWBACK')),
    constraint cost_change_kind_known check (kind in ('CASHABLE_SAVING', 'COST_AVOIDANCE', 'GROWTH')),
    constraint cost_change_source_process_known check
        (source_process in ('REVIEW', 'PANEL', 'CTR', 'IMPORT', 'MANUAL')),
    constraint cost_change_delta_is_new_minus_old check (weekly_delta = new_net_weekly_cost - old_net_weekly_cost),
    constraint cost_change_effects_add_up check (in_year_effect + carry_forward_effect = full_year_effect),
    constraint cost_change_adjustment_points_back check
        ((entry_type = 'CHANGE') = (adjusts_entry_id is null))
);
create index cost_change_package_idx on cost_change (care_package_id, effective_date);
create index cost_change_year_line_idx on cost_change (financial_year, savings_line_code);
create index cost_change_adjusts_idx on cost_change (adjusts_entry_id);
create index cost_change_source_idx on cost_change (source_process, source_reference);

create table saving_status_event (
    id               bigint        not null primary key,
    cost_change_id   bigint        not null references cost_change (id),
    status           varchar(20)   not null,
    -- The weekly amount finance validated (may differ from the claimed delta, with a reason).
    validated_weekly_delta numeric(12,2),
    reason           varchar(1000),
    actor            varchar(100)  not null,
    occurred_at      timestamp with time zone not null,
    constraint saving_status_known check
        (status in ('IDENTIFIED', 'VALIDATED', 'RATIFIED', 'REJECTED', 'REVERSED', 'WITHDRAWN'))
);
create index saving_status_event_entry_idx on saving_status_event (cost_change_id, occurred_at);
