-- agent-presence-service: the durable roster (agents, skills, languages, channels, strengths) and capacity profiles.

create sequence agent_SEQ start with 1 increment by 50;
create sequence capacity_profile_SEQ start with 1 increment by 50;
create table agent (
    id bigint not null,
    tenant_id varchar(63) not null,
    capacity_profile varchar(64) not null,
    team varchar(64),
    agent_id varchar(128) not null,
    display_name varchar(255) not null,
    primary key (id),
    constraint uk_agent_tenant_agent unique (tenant_id, agent_id)
);
create table agent_channel (
    agent bigint not null,
    channel varchar(16) check ((channel in ('VOICE','VIDEO','CHAT','MESSAGING','EMAIL','SOCIAL','SMS')))
);
create table agent_language (
    fluency integer,
    agent bigint not null,
    language varchar(8) not null,
    primary key (agent, language)
);
create table agent_skill (
    proficiency integer,
    agent bigint not null,
    skill varchar(64) not null,
    primary key (agent, skill)
);
create table agent_strength (
    rating float(53),
    agent bigint not null,
    strength varchar(64) not null,
    primary key (agent, strength)
);
create table capacity_limit (
    max_concurrent integer,
    profile bigint not null,
    channel varchar(16) not null check ((channel in ('VOICE','VIDEO','CHAT','MESSAGING','EMAIL','SOCIAL','SMS'))),
    primary key (profile, channel)
);
create table capacity_profile (
    max_total integer not null,
    id bigint not null,
    tenant_id varchar(63) not null,
    name varchar(64) not null,
    primary key (id),
    constraint uk_profile_tenant_name unique (tenant_id, name)
);
alter table agent_channel add constraint fk_agent_channel_agent foreign key (agent) references agent;
alter table agent_language add constraint fk_agent_language_agent foreign key (agent) references agent;
alter table agent_skill add constraint fk_agent_skill_agent foreign key (agent) references agent;
alter table agent_strength add constraint fk_agent_strength_agent foreign key (agent) references agent;
alter table capacity_limit add constraint fk_capacity_limit_capacity_profile foreign key (profile) references capacity_profile;
