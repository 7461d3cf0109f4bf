-- router-service: how each handled contact ended (learning from outcomes, and the A/B report), joined to the
-- routing decisions by (tenant_id, contact_id). One row per contact and agent: a redelivered report is skipped.
create sequence contact_outcome_SEQ start with 1 increment by 50;
create table contact_outcome (
    id bigint not null,
    tenant_id varchar(63) not null,
    contact_id varchar(128) not null,
    agent_id varchar(128) not null,
    queue varchar(64),
    arm varchar(16),
    strategy varchar(16),
    intent varchar(64),
    channel varchar(16),
    language varchar(16),
    emotion_band varchar(16),
    tier varchar(32),
    resolved boolean not null,
    transferred boolean not null,
    satisfaction integer,
    handle_seconds float(53),
    waited_millis bigint,
    end_emotion varchar(32),
    reported_at timestamp(6) with time zone not null,
    primary key (id),
    constraint uk_outcome_tenant_contact_agent unique (tenant_id, contact_id, agent_id)
);
create index ix_outcome_tenant_reported on contact_outcome (tenant_id, reported_at);
