-- Care and Treatment Reviews: the dynamic support register, inpatient episodes, reviews (CTRs, CETRs,
-- oversight visits), their recommendations as tracked actions, and discharge plans sent to panel.

create sequence ctr_register_entry_seq start with 1 increment by 50;
create sequence ctr_rating_change_seq start with 1 increment by 50;
create sequence ctr_inpatient_episode_seq start with 1 increment by 50;
create sequence ctr_review_seq start with 1 increment by 50;
create sequence ctr_recommendation_seq start with 1 increment by 50;
create sequence ctr_discharge_plan_seq start with 1 increment by 50;
create sequence ctr_review_reference_seq start with 1 increment by 1;

-- One row per person on the register. The rating is the latest of ctr_rating_change (kept in step).
create table ctr_register_entry (
    id                bigint        not null primary key,
    person_id         bigint        not null unique references person (id),
    consent_given     boolean       not null,
    consent_date      date          not null,
    rating            varchar(10)   not null,
    rating_reasons    varchar(2000) not null,
    rated_at          timestamp with time zone not null,
    key_worker        varchar(100)  not null,
    next_review_date  date          not null,
    created_at        timestamp with time zone not null,
    created_by        varchar(100)  not null,
    updated_at        timestamp with time zone not null,
    updated_by        varchar(100)  not null,
    version           integer       not null,
    constraint ctr_register_entry_rating_known check (rating in ('RED', 'AMBER', 'GREEN', 'BLUE')),
    constraint ctr_register_entry_consent_given check (consent_given)
);

-- Every rating a person has had, who gave it, when and why. Append-only.
create table ctr_rating_change (
    id                 bigint        not null primary key,
    register_entry_id  bigint        not null references ctr_register_entry (id),
    previous_rating    varchar(10),
    rating             varchar(10)   not null,
    reasons            varchar(2000) not null,
    changed_by         varchar(100)  not null,
    changed_at         timestamp with time zone not null,
    constraint ctr_rating_change_rating_known check (rating in ('RED', 'AMBER', 'GREEN', 'BLUE'))
);
create index ctr_rating_change_entry_idx on ctr_rating_change (register_entry_id, changed_at);

create table ctr_inpatient_episode (
    id                                  bigint        not null primary key,
    register_entry_id                   bigint        not null references ctr_register_entry (id),
    hospital                            varchar(200)  not null,
    setting                             varchar(20)   not null,
    out_of_area                         boolean       not null,
    admission_date                      date          not null,
    commissioner                        varchar(40)   not null,
    community_review_before_admission   boolean       not null,
    planned_discharge_date              date,
    discharge_date                      date,
    recorded_at                         timestamp with time zone not null,
    recorded_by                         varchar(100)  not null,
    discharged_by                       varchar(100),
    version                             integer       not null,
    constraint ctr_inpatient_episode_setting_known check (setting in ('NON_SECURE', 'SECURE', 'CHILDRENS')),
    constraint ctr_inpatient_episode_commissioner_known check (commissioner in
        ('COUNCIL', 'NHS_INTEGRATED_CARE_BOARD', 'NHS_ENGLAND_SPECIALISED')),
    constraint ctr_inpatient_episode_discharge_after_admission check
        (discharge_date is null or discharge_date >= admission_date),
    constraint ctr_inpatient_episode_planned_after_admission check
        (planned_discharge_date is null or planned_discharge_date >= admission_date)
);
create index ctr_inpatient_episode_entry_idx on ctr_inpatient_episode (register_entry_id);

-- A review that has fallen due and been started: a CTR, a CETR or an oversight visit.
create table ctr_review (
    id                        bigint        not null primary key,
    reference                 varchar(20)   not null unique,
    register_entry_id         bigint        not null references ctr_register_entry (id),
    episode_id                bigint        references ctr_inpatient_episode (id),
    kind                      varchar(30)   not null,
    due_date                  date          not null,
    status                    varchar(20)   not null,
    process_instance_id       varchar(64),
    started_at                timestamp with time zone not null,
    chair                     varchar(100),
    clinical_expert           varchar(100),
    expert_by_experience      varchar(100),
    meeting_at                timestamp with time zone,
    consent_basis             varchar(30),
    consent_note              varchar(2000),
    consent_recorded_at       timestamp with time zone,
    consent_recorded_by       varchar(100),
    papers_shared_at          timestamp with time zone,
    papers_shared_by          varchar(100),
    answer_safe               varchar(4000),
    answer_good_care          varchar(4000),
    answer_future_plan        varchar(4000),
    answer_need_hospital      varchar(4000),
    discharge_recommended     boolean,
    completed_at              timestamp with time zone,
    completed_by              varchar(100),
    version                   integer       not null,
    constraint ctr_review_once unique (register_entry_id, kind, due_date),
    constraint ctr_review_kind_known check (kind in
        ('POST_ADMISSION', 'INPATIENT_CTR', 'CETR', 'COMMUNITY_CTR', 'OVERSIGHT_VISIT')),
    constraint ctr_review_status_known check (status in ('OPEN', 'COMPLETED')),
    constraint ctr_review_consent_basis_known check (consent_basis is null or consent_basis in
        ('CONSENT', 'BEST_INTERESTS_DECISION')),
    constraint ctr_review_papers_after_consent check (papers_shared_at is null or consent_recorded_at is not null),
    constraint ctr_review_completed_with_panel check (status <> 'COMPLETED' or kind = 'OVERSIGHT_VISIT'
        or (chair is not null and clinical_expert is not null and expert_by_experience is not null
            and consent_basis is not null))
);
create index ctr_review_entry_idx on ctr_review (register_entry_id, kind);
create index ctr_review_status_idx on ctr_review (status, due_date);

-- Each recommendation of a review, followed up as an action until done.
create table ctr_recommendation (
    id                   bigint        not null primary key,
    review_id            bigint        not null references ctr_review (id),
    text                 varchar(2000) not null,
    owner                varchar(100)  not null,
    due_date             date          not null,
    status               varchar(10)   not null,
    process_instance_id  varchar(64),
    escalated_at         timestamp with time zone,
    done_at              timestamp with time zone,
    done_by              varchar(100),
    done_note            varchar(2000),
    version              integer       not null,
    constraint ctr_recommendation_status_known check (status in ('OPEN', 'DONE'))
);
create index ctr_recommendation_review_idx on ctr_recommendation (review_id);
create index ctr_recommendation_status_idx on ctr_recommendation (status, due_date);

-- A discharge plan from a review: the community package asked of the panel, and what came of it.
create table ctr_discharge_plan (
    id                       bigint        not null primary key,
    review_id                bigint        not null unique references ctr_review (id),
    episode_id               bigint        not null references ctr_inpatient_episode (id),
    service_type             varchar(40)   not null,
    provider                 varchar(200)  not null,
    weekly_gross_cost        numeric(12,2) not null,
    assessed_contribution    numeric(12,2) not null,
    nhs_share_percent        numeric(5,2)  not null,
    discharge_date           date          not null,
    reason                   varchar(2000) not null,
    planned_by               varchar(100)  not null,
    planned_at               timestamp with time zone not null,
    panel_request_id         bigint,
    panel_outcome            varchar(30),
    care_package_id          bigint        references care_package (id),
    growth_recorded_at       timestamp with time zone,
    version                  integer       not null,
    constraint ctr_discharge_plan_costs check (weekly_gross_cost >= 0 and assessed_contribution >= 0
        and assessed_contribution <= weekly_gross_cost),
    constraint ctr_discharge_plan_nhs_share check (nhs_share_percent between 0 and 100)
);
