-- context-service: customer profiles and the channel identities that resolve to them.

create sequence customer_identity_SEQ start with 1 increment by 50;
create sequence customer_profile_SEQ start with 1 increment by 50;
create table customer_identity (
    id bigint not null,
    identity_type varchar(16) not null check ((identity_type in ('PHONE','EMAIL','CHAT_HANDLE','SOCIAL_HANDLE'))),
    tenant_id varchar(63) not null,
    customer_id varchar(128) not null,
    identity_value varchar(256) not null,
    primary key (id),
    constraint uk_identity unique (tenant_id, identity_type, identity_value)
);
create table customer_profile (
    id bigint not null,
    preferred_language varchar(8),
    register varchar(16) check ((register in ('FORMAL','INFORMAL'))),
    tenant_id varchar(63) not null,
    customer_id varchar(128) not null,
    display_name varchar(255) not null,
    primary key (id),
    constraint uk_customer_tenant_customer unique (tenant_id, customer_id)
);
