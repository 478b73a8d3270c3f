-- Who each ledger entry counts for.
--
-- cost_change_attribution is part of the ledger (insert-only, like cost_change): the team, client
-- group and cohorts an entry counts toward, taken from the person when the entry is recorded, in the
-- same transaction. An adjusting entry (clawback, reversal, correction) takes the attribution of the
-- entry it adjusts, so it nets that entry off in the same group. A person who later moves team or
-- cohort keeps their past savings where they were recorded.

create table cost_change_attribution (
    cost_change_id  bigint        not null primary key references cost_change (id),
    team_code       varchar(40)   not null references team (code),
    client_group    varchar(60)   not null,
    -- The person's cohort codes in order, joined by ' + ' (e.g. 'HIGH-COST + TRANSITIONS'); null for none.
    cohorts         varchar(1000)
);

-- Entries recorded before this migration are attributed to their person as they are now: the best
-- record there is of where they were.
insert into cost_change_attribution (cost_change_id, team_code, client_group, cohorts)
select c.id, t.code, p.client_group,
    (select string_agg(co.code, ' + ' order by co.code) from person_cohort pc join cohort co on co.id = pc.cohort_id
     where pc.person_id = c.person_id)
from cost_change c
join person p on p.id = c.person_id
join team t on t.id = p.team_id;
