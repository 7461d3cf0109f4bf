-- router-service: routing rules (edited over REST) and every routing decision (audit and learning).

create sequence routing_decision_SEQ start with 1 increment by 50;
create sequence routing_rule_SEQ start with 1 increment by 50;
create table routing_decision (
    score float(53),
    decided_at timestamp(6) with time zone not null,
    id bigint not null,
    strategy varchar(16),
    type varchar(32) not null,
    tenant_id varchar(63) not null,
    event_id varchar(64) not null unique,
    queue varchar(64),
    agent_id varchar(128),
    contact_id varchar(128) not null,
    customer_id varchar(128) not null,
    event_json text not null,
    primary key (id)
);
create table routing_rule (
    priority integer not null,
    rule_order integer not null,
    id bigint not null,
    tenant_id varchar(63) not null,
    name varchar(64) not null,
    queue varchar(64) not null,
    primary key (id),
    constraint uk_rule_tenant_name unique (tenant_id, name)
);
create table routing_rule_channel (
    rule_id bigint not null,
    channel varchar(16)
);
create table routing_rule_intent (
    rule_id bigint not null,
    intent varchar(64)
);
create table routing_rule_language (
    rule_id bigint not null,
    language varchar(16)
);
create table routing_rule_signal (
    rule_id bigint not null,
    signal varchar(32)
);
create table routing_rule_skill (
    minimum_level integer,
    rule_id bigint not null,
    skill varchar(64) not null,
    primary key (rule_id, skill)
);
create table routing_rule_tier (
    rule_id bigint not null,
    tier varchar(32)
);
create index ix_decision_tenant_contact on routing_decision (tenant_id, contact_id);
alter table routing_rule_channel add constraint fk_routing_rule_channel_routing_rule foreign key (rule_id) references routing_rule;
alter table routing_rule_intent add constraint fk_routing_rule_intent_routing_rule foreign key (rule_id) references routing_rule;
alter table routing_rule_language add constraint fk_routing_rule_language_routing_rule foreign key (rule_id) references routing_rule;
alter table routing_rule_signal add constraint fk_routing_rule_signal_routing_rule foreign key (rule_id) references routing_rule;
alter table routing_rule_skill add constraint fk_routing_rule_skill_routing_rule foreign key (rule_id) references routing_rule;
alter table routing_rule_tier add constraint fk_routing_rule_tier_routing_rule foreign key (rule_id) references routing_rule;
