-- The roll-up's summaries: savings_fact summed per financial year, grouping, group, kind and stage.
-- grouped_by is LINE, CLIENT_GROUP, TEAM, COHORT or MONTH (a theme is a sum of its lines), and
-- group_key the line code, client group, team code, cohort combination ('' for none) or effective
-- month (YYYY-MM). Like savings_fact, this is not a record of truth: SavingsSummaries adds each
-- entry, and moves each status change, in the ledger's transaction, and SavingsFacts.rebuild()
-- recomputes it from the ledger. A row whose entries have all moved to another stage stays, at zero.
create table savings_summary (
    financial_year          integer       not null,
    grouped_by              varchar(20)   not null,
    group_key               varchar(1000) not null,
    kind                    varchar(40)   not null,
    stage                   varchar(20)   not null,
    in_year_effect          numeric(18,2) not null,
    full_year_effect        numeric(18,2) not null,
    carry_forward_effect    numeric(18,2) not null,
    validated_in_year       numeric(18,2) not null,
    validated_full_year     numeric(18,2) not null,
    validated_carry_forward numeric(18,2) not null,
    entries                 bigint        not null,
    constraint savings_summary_pk primary key (financial_year, grouped_by, group_key, kind, stage),
    -- No check that entries >= 0: PostgreSQL checks the row proposed to INSERT ... ON CONFLICT before
    -- it finds the conflict, and a difference that takes an entry away proposes -1.
    constraint savings_summary_grouped_by_known check
        (grouped_by in ('LINE', 'CLIENT_GROUP', 'TEAM', 'COHORT', 'MONTH'))
);

-- Summaries of the entries already recorded: the same sums as SavingsSummaries.rebuild().
insert into savings_summary (financial_year, grouped_by, group_key, kind, stage, in_year_effect, full_year_effect,
    carry_forward_effect, validated_in_year, validated_full_year, validated_carry_forward, entries)
select financial_year, grouped_by, group_key, kind, stage, sum(in_year_effect), sum(full_year_effect),
    sum(carry_forward_effect), sum(validated_in_year), sum(validated_full_year), sum(validated_carry_forward), count(*)
from (
    select f.financial_year, g.grouped_by,
        case g.grouped_by when 'LINE' then f.savings_line_code when 'CLIENT_GROUP' then a.client_group
            when 'TEAM' then a.team_code when 'COHORT' then coalesce(a.cohorts, '') else f.effective_month end
            as group_key,
        f.kind, f.stage, f.in_year_effect, f.full_year_effect, f.carry_forward_effect, f.validated_in_year,
        f.validated_full_year, f.validated_carry_forward
    from savings_fact f
    join cost_change_attribution a on a.cost_change_id = f.cost_change_id
    cross join (values ('LINE'), ('CLIENT_GROUP'), ('TEAM'), ('COHORT'), ('MONTH')) g (grouped_by)) keyed
group by financial_year, grouped_by, group_key, kind, stage;
