-- Care package reviews (Care Act 2014 s27): one row per review, its recorded outcomes, the package
-- changes it applied and its history. Outcomes, changes and events are append-only.

create sequence care_review_seq start with 1 increment by 50;
create sequence care_review_outcome_seq start with 1 increment by 50;
create sequence care_review_change_seq start with 1 increment by 50;
create sequence care_review_event_seq start with 1 increment by 50;

create table care_review (
    id                    bigint       not null primary key,
    reference             varchar(20)  not null unique,
    care_package_id       bigint       not null references care_package (id),
    person_id             bigint       not null references person (id),
    team_code             varchar(40)  not null,
    route                 varchar(20)  not null,
    requested_by          varchar(20),
    request_reason        varchar(1000),
    due_date              date         not null,
    status                varchar(30)  not null,
    outcome               varchar(30),
    process_instance_id   varchar(64)  not null unique,
    started_by            varchar(100) not null,
    started_at            timestamp with time zone not null,
    overdue_since         timestamp with time zone,
    completed_at          timestamp with time zone,
    -- The package id while the review is open, null once closed: one open review per package.
    open_package_id       bigint unique,
    constraint care_review_route_known check (route in ('SCHEDULED', 'INITIAL', 'REQUESTED')),
    constraint care_review_requested_by_known check (requested_by is null
        or requested_by in ('PERSON', 'CARER', 'PROVIDER', 'PROFESSIONAL')),
    constraint care_review_requested_has_who_and_why check (route <> 'REQUESTED'
        or (requested_by is not null and request_reason is not null)),
    constraint care_review_status_known check (status in
        ('OPEN', 'AWAITING_PANEL', 'AWAITING_NHS_DECISION', 'REASSESSMENT', 'COMPLETED')),
    constraint care_review_open_matches_status check ((status = 'COMPLETED' and open_package_id is null
        and completed_at is not null) or (status <> 'COMPLETED' and open_package_id = care_package_id))
);
create index care_review_package_idx on care_review (care_package_id);
create index care_review_person_idx on care_review (person_id);
create index care_review_team_status_idx on care_review (team_code, status);

create table care_review_outcome (
    id                        bigint        not null primary key,
    care_review_id            bigint        not null references care_review (id),
    outcome                   varchar(30)   not null,
    conversation_connect      boolean       not null,
    conversation_crisis       boolean       not null,
    conversation_long_term    boolean       not null,
    strengths_and_assets      varchar(4000) not null,
    outcomes_wanted           varchar(4000) not null,
    person_views              varchar(4000) not null,
    carer_views               varchar(4000),
    change_in_need            varchar(4000),
    alternative_meeting_outcome varchar(4000),
    old_net_weekly_cost       numeric(12,2) not null,
    proposed_service_type     varchar(40),
    proposed_provider         varchar(200),
    proposed_weekly_gross_cost numeric(12,2),
    proposed_contribution     numeric(12,2),
    proposed_nhs_share_percent numeric(5,2),
    proposed_net_weekly_cost  numeric(12,2),
    effective_date            date,
    recorded_by               varchar(100)  not null,
    recorded_at               timestamp with time zone not null,
    constraint care_review_outcome_known check (outcome in ('NO_CHANGE', 'REDUCE', 'INCREASE', 'END',
        'CHANGE_SERVICE', 'DIRECT_PAYMENT', 'REFER_CHC', 'REASSESS')),
    constraint care_review_outcome_costs check (proposed_weekly_gross_cost is null
        or (proposed_weekly_gross_cost >= 0 and proposed_contribution >= 0 and proposed_net_weekly_cost >= 0))
);
create index care_review_outcome_review_idx on care_review_outcome (care_review_id);

create table care_review_change (
    id                     bigint        not null primary key,
    care_review_id         bigint        not null references care_review (id),
    -- What approved the change (REVIEW-12/PANEL-34, REVIEW-12/CHC, REVIEW-12/SAME-COST-5): applied once.
    source_reference       varchar(100)  not null unique,
    care_package_id        bigint        not null references care_package (id),
    package_version_number integer       not null,
    old_net_weekly_cost    numeric(12,2) not null,
    new_net_weekly_cost    numeric(12,2) not null,
    effective_date         date          not null,
    savings_line_code      varchar(40),
    recorded_by            varchar(100)  not null,
    recorded_at            timestamp with time zone not null
);
create index care_review_change_review_idx on care_review_change (care_review_id);

create table care_review_event (
    id              bigint        not null primary key,
    care_review_id  bigint        not null references care_review (id),
    kind            varchar(40)   not null,
    detail          varchar(2000),
    actor           varchar(100)  not null,
    occurred_at     timestamp with time zone not null
);
create index care_review_event_review_idx on care_review_event (care_review_id);
