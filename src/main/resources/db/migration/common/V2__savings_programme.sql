-- The savings programme: savings lines and their targets per financial year.
-- Targets are signed like the ledger: a saving is negative (e.g. -3015000.00).

create sequence savings_target_seq start with 1 increment by 50;

create table savings_line (
    code        varchar(40)  not null primary key,
    name        varchar(300) not null,
    theme       varchar(120) not null,
    kind        varchar(40)  not null,
    owner       varchar(120),
    constraint savings_line_kind_known check (kind in ('CASHABLE_SAVING', 'COST_AVOIDANCE', 'GROWTH'))
);

create table savings_target (
    id                  bigint        not null primary key,
    savings_line_code   varchar(40)   not null references savings_line (code),
    financial_year      integer       not null,
    target              numeric(14,2) not null,
    constraint savings_target_unique unique (savings_line_code, financial_year),
    constraint savings_target_year_range check (financial_year between 1900 and 2999)
);
