-- The panel pack shows the current package's own dates, and what the review found: the outcomes the
-- person wants, the change in need, the alternative that meets the outcomes and the person's views
-- (copied from the review's outcome as the request is made; null for requests made otherwise, and for
-- requests made before this version).
alter table package_request add column current_start_date date;
alter table package_request add column current_end_date date;
alter table package_request add column outcomes_wanted varchar(4000);
alter table package_request add column change_in_need varchar(4000);
alter table package_request add column alternative_meeting_outcome varchar(4000);
alter table package_request add column person_views varchar(4000);

-- At most one request per package waits for a decision: the row is inserted with the request and
-- deleted when the request is decided (its DECISION stage). The primary key refuses a second request
-- for the package, also when two arrive at once.
create table package_request_waiting (
    care_package_id  bigint       not null primary key references care_package (id),
    request_id       bigint       not null unique references package_request (id),
    received_at      timestamp with time zone not null
);

-- Requests already waiting: the newest per package (an older one waiting beside it is left as it is).
insert into package_request_waiting (care_package_id, request_id, received_at)
select r.current_package_id, r.id, r.received_at
from package_request r
where r.current_package_id is not null
  and not exists (select 1 from panel_decision d where d.request_id = r.id and d.stage = 'DECISION')
  and r.id = (select max(o.id) from package_request o
              where o.current_package_id = r.current_package_id
                and not exists (select 1 from panel_decision d2 where d2.request_id = o.id and d2.stage = 'DECISION'));
