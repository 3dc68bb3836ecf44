-- Which tagged model versions this application has deployed: a bundled model is deployed only when
-- its (id, version tag) is not here, so a version an analyst deployed later is not replaced by the
-- bundled one at the next start.
create table app.model_version (
    model_id       text        not null,
    version_tag    text        not null,
    kind           text        not null,
    version        int         not null,
    definition_key bigint      not null,
    deployed_at    timestamptz not null default now(),
    primary key (model_id, version_tag)
);
