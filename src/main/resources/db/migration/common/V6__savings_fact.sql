-- The roll-up's reporting projection of the ledger: one row per cost-change entry, holding what the
-- roll-up groups and sums by, and the current stage of the saving it belongs to.
--
-- This is not a record of truth: cost_change and saving_status_event are, and they are append-only.
-- A row here is written when its entry is recorded, and its stage columns move when a status event
-- is recorded, in the same transaction. Everything here can be recomputed from the ledger
-- (SavingsFacts.rebuild()), and the integration tests check that the two agree.

create table savings_fact (
    cost_change_id          bigint        not null primary key references cost_change (id),
    -- The change entry whose status this entry follows: itself, or the change that a clawback,
    -- reversal or correction adjusts.
    stage_entry_id          bigint        not null references cost_change (id),
    person_id               bigint        not null references person (id),
    financial_year          integer       not null,
    effective_month         varchar(7)    not null,
    savings_line_code       varchar(40)   not null references savings_line (code),
    kind                    varchar(40)   not null,
    stage                   varchar(20)   not null,
    in_year_effect          numeric(14,2) not null,
    full_year_effect        numeric(14,2) not null,
    carry_forward_effect    numeric(14,2) not null,
    -- The same effects at the amount finance validated: equal to the claimed effects unless finance
    -- validated a different amount. They count as validated or ratified only when the stage says so.
    validated_in_year       numeric(14,2) not null,
    validated_full_year     numeric(14,2) not null,
    validated_carry_forward numeric(14,2) not null,
    constraint savings_fact_stage_known check
        (stage in ('IDENTIFIED', 'VALIDATED', 'RATIFIED', 'REJECTED', 'WITHDRAWN')),
    constraint savings_fact_validated_adds_up check
        (validated_in_year + validated_carry_forward = validated_full_year)
);
create index savings_fact_year_idx on savings_fact (financial_year);
create index savings_fact_stage_entry_idx on savings_fact (stage_entry_id);
