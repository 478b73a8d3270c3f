-- Case records: teams, cohorts, people and their care packages.
-- A care package's terms live in append-only versions: a change is a new row, never an update.

create sequence team_seq start with 1 increment by 50;
create sequence cohort_seq start with 1 increment by 50;
create sequence person_seq start with 1 increment by 50;
create sequence care_package_seq start with 1 increment by 50;
create sequence care_package_version_seq start with 1 increment by 50;

create table team (
    id          bigint       not null primary key,
    code        varchar(40)  not null unique,
    name        varchar(120) not null
);

create table cohort (
    id          bigint       not null primary key,
    code        varchar(60)  not null unique,
    name        varchar(200) not null
);

create table person (
    id             bigint       not null primary key,
    reference      varchar(20)  not null unique,
    display_name   varchar(200) not null,
    date_of_birth  date         not null,
    client_group   varchar(60)  not null,
    team_id        bigint       not null references team (id),
    created_at     timestamp with time zone not null,
    created_by     varchar(100) not null,
    constraint person_client_group_known check (client_group in
        ('OLDER_PEOPLE', 'PHYSICAL_DISABILITY_SENSORY_IMPAIRMENT', 'LEARNING_DISABILITY', 'MENTAL_HEALTH', 'AUTISM'))
);
create index person_team_idx on person (team_id);
create index person_client_group_idx on person (client_group);

create table person_cohort (
    person_id  bigint not null references person (id),
    cohort_id  bigint not null references cohort (id),
    primary key (person_id, cohort_id)
);
create index person_cohort_cohort_idx on person_cohort (cohort_id);

create table person_funding_flag (
    person_id  bigint      not null references person (id),
    flag       varchar(40) not null,
    primary key (person_id, flag),
    constraint person_funding_flag_known check (flag in ('NHS_CONTINUING_HEALTHCARE', 'S117_AFTERCARE', 'JOINT_FUNDED'))
);

create table care_package (
    id          bigint      not null primary key,
    reference   varchar(20) not null unique,
    person_id   bigint      not null references person (id),
    created_at  timestamp with time zone not null
);
create index care_package_person_idx on care_package (person_id);

create table care_package_version (
    id                     bigint        not null primary key,
    care_package_id        bigint        not null references care_package (id),
    version_number         integer       not null,
    service_type           varchar(40)   not null,
    provider               varchar(200)  not null,
    weekly_gross_cost      numeric(12,2) not null,
    assessed_contribution  numeric(12,2) not null,
    nhs_share_percent      numeric(5,2)  not null,
    net_weekly_cost        numeric(12,2) not null,
    start_date             date          not null,
    end_date               date,
    next_review_due        date,
    reason                 varchar(1000) not null,
    recorded_by            varchar(100)  not null,
    recorded_at            timestamp with time zone not null,
    constraint care_package_version_unique unique (care_package_id, version_number),
    constraint care_package_version_number_positive check (version_number >= 1),
    constraint care_package_version_costs_not_negative check
        (weekly_gross_cost >= 0 and assessed_contribution >= 0 and net_weekly_cost >= 0),
    constraint care_package_version_contribution_within_cost check (assessed_contribution <= weekly_gross_cost),
    constraint care_package_version_nhs_share_percent check (nhs_share_percent between 0 and 100),
    constraint care_package_version_dates check (end_date is null or end_date >= start_date),
    constraint care_package_version_service_type_known check (service_type in
        ('HOME_CARE', 'RESIDENTIAL', 'NURSING', 'SUPPORTED_LIVING', 'DAY_SERVICES', 'DIRECT_PAYMENT',
         'SHARED_LIVES', 'RESPITE', 'EXTRA_CARE', 'TRANSPORT'))
);
create index care_package_version_package_idx on care_package_version (care_package_id, version_number);
create index care_package_version_review_due_idx on care_package_version (next_review_due);

-- Human-facing references (P-000123, PKG-000456), numbered independently of the surrogate ids.
create sequence person_reference_seq start with 1 increment by 1;
create sequence care_package_reference_seq start with 1 increment by 1;
