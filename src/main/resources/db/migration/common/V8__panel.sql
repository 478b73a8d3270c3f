-- The daily spend-control panel: package requests, the meetings that decide them, who sat, the
-- decisions and their delivery to the asking process. Every table is append-only: a request is
-- never edited (a deferred request is answered by a new one), a decision is never overwritten.

create sequence package_request_seq start with 1 increment by 50;
create sequence panel_decision_seq start with 1 increment by 50;
create sequence panel_meeting_seq start with 1 increment by 50;
create sequence panel_seating_seq start with 1 increment by 50;

create table package_request (
    id                        bigint        not null primary key,
    request_type              varchar(20)   not null,
    urgent_reason             varchar(30),
    person_id                 bigint        not null references person (id),
    -- The person's team and client group when the request arrived (measures and routing use these).
    team_code                 varchar(40)   not null,
    client_group              varchar(60)   not null,
    current_package_id        bigint        references care_package (id),
    current_service_type      varchar(30),
    current_provider          varchar(200),
    current_weekly_gross      numeric(12,2),
    current_contribution      numeric(12,2),
    current_nhs_share         numeric(5,2),
    current_net_weekly        numeric(12,2),
    proposed_service_type     varchar(30)   not null,
    proposed_provider         varchar(200)  not null,
    proposed_weekly_gross     numeric(12,2) not null,
    proposed_contribution     numeric(12,2) not null,
    proposed_nhs_share        numeric(5,2)  not null,
    proposed_net_weekly       numeric(12,2) not null,
    effective_date            date          not null,
    weekly_change             numeric(12,2) not null,
    full_year_change          numeric(14,2) not null,
    annual_cost               numeric(14,2) not null,
    reason                    varchar(2000) not null,
    proposed_by               varchar(100)  not null,
    source_process_instance_id varchar(64),
    source_reference          varchar(120),
    -- Delegated authority's answer (DelegatedAuthority.dmn) when the request arrived.
    route                     varchar(20)   not null,
    route_rule                varchar(300)  not null,
    retrospective_due         date,
    received_at               timestamp with time zone not null,
    constraint package_request_type_known check (request_type in ('NEW_PACKAGE', 'PACKAGE_CHANGE', 'CTR_DISCHARGE')),
    constraint package_request_route_known check (route in ('TEAM_MANAGER', 'PANEL', 'URGENT')),
    constraint package_request_change_has_package check
        ((request_type = 'PACKAGE_CHANGE') = (current_package_id is not null)),
    constraint package_request_urgent_has_reason check ((route = 'URGENT') = (urgent_reason is not null)),
    constraint package_request_change_is_new_minus_current check
        (weekly_change = proposed_net_weekly - coalesce(current_net_weekly, 0))
);
create index package_request_person_idx on package_request (person_id, received_at);
create index package_request_received_idx on package_request (received_at);
create index package_request_source_idx on package_request (source_process_instance_id);

create table panel_meeting (
    id                  bigint       not null primary key,
    meeting_date        date         not null,
    -- Requests received before this instant are on this meeting's agenda.
    agenda_cut_off      timestamp with time zone not null,
    opened_at           timestamp with time zone not null,
    process_instance_id varchar(64),
    constraint panel_meeting_one_a_day unique (meeting_date)
);

create table panel_meeting_closure (
    meeting_id      bigint       not null primary key references panel_meeting (id),
    closed_at       timestamp with time zone not null,
    closed_by       varchar(100) not null,
    items_decided   integer      not null,
    items_rolled_over integer    not null
);

create table panel_seating (
    id          bigint       not null primary key,
    meeting_id  bigint       not null references panel_meeting (id),
    seat        varchar(20)  not null,
    user_id     varchar(100) not null,
    taken_at    timestamp with time zone not null,
    constraint panel_seat_known check (seat in ('ASC', 'FINANCE', 'COMMISSIONING'))
);
create index panel_seating_meeting_idx on panel_seating (meeting_id, seat, taken_at);

create table panel_decision (
    id                    bigint        not null primary key,
    request_id            bigint        not null references package_request (id),
    -- DECISION: the one decision the asking process receives. RETROSPECTIVE: panel's later look at an urgent start.
    stage                 varchar(20)   not null,
    decided_by_route      varchar(20)   not null,
    meeting_id            bigint        references panel_meeting (id),
    outcome               varchar(30)   not null,
    amended_service_type  varchar(30),
    amended_provider      varchar(200),
    amended_weekly_gross  numeric(12,2),
    amended_contribution  numeric(12,2),
    amended_nhs_share     numeric(5,2),
    amended_net_weekly    numeric(12,2),
    amended_effective_date date,
    rationale             varchar(2000),
    question              varchar(2000),
    return_by             date,
    decided_by            varchar(100)  not null,
    seat                  varchar(20),
    asc_member            varchar(100),
    finance_member        varchar(100),
    commissioning_member  varchar(100),
    decided_at            timestamp with time zone not null,
    constraint panel_decision_once_per_stage unique (request_id, stage),
    constraint panel_decision_stage_known check (stage in ('DECISION', 'RETROSPECTIVE')),
    constraint panel_decision_outcome_known check
        (outcome in ('APPROVED', 'APPROVED_WITH_AMENDMENT', 'DEFERRED', 'DECLINED')),
    constraint panel_decision_rationale_unless_plain_approval check
        (outcome = 'APPROVED' or rationale is not null),
    constraint panel_decision_amendment_has_figures check
        ((outcome = 'APPROVED_WITH_AMENDMENT') = (amended_weekly_gross is not null)),
    constraint panel_decision_deferral_has_question check
        (outcome <> 'DEFERRED' or (question is not null and return_by is not null)),
    constraint panel_decision_panel_was_quorate check
        (decided_by_route <> 'PANEL'
         or (meeting_id is not null and asc_member is not null and finance_member is not null
             and commissioning_member is not null))
);
create index panel_decision_meeting_idx on panel_decision (meeting_id);
create index panel_decision_decided_idx on panel_decision (decided_at);

-- A decision is sent to the asking process once: the primary key refuses a second delivery.
create table panel_decision_delivery (
    request_id           bigint       not null primary key references package_request (id),
    process_instance_id  varchar(64)  not null,
    outcome              varchar(30)  not null,
    delivered_at         timestamp with time zone not null
);
