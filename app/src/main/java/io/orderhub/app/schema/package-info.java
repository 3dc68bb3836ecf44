/** The application's own tables (schema {@code app}), migrated by a Flyway of their own. */
package io.orderhub.app.schema;
