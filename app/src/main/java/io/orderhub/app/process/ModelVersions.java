package io.orderhub.app.process;

import io.orderhub.app.schema.AppSchema;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQL on {@code app.model_version}: the tagged versions of process and decision models this
 * application deployed. The engine's REST search endpoints (which would let us ask the engine which
 * tags it holds) are not provided by the embedded engine yet, so the application keeps the record
 * itself; each statement is atomic.
 */
public class ModelVersions {

  private final JdbcClient jdbc;

  /** Takes the schema so that it is migrated before the first statement runs. */
  public ModelVersions(JdbcClient jdbc, AppSchema schema) {
    this.jdbc = jdbc;
  }

  public boolean isDeployed(String modelId, String versionTag) {
    return jdbc.sql(
                """
                select count(*) from app.model_version
                where model_id = :id and version_tag = :tag
                """)
            .param("id", modelId)
            .param("tag", versionTag)
            .query(Long.class)
            .single()
        > 0;
  }

  public void recordDeployed(
      String modelId, String versionTag, String kind, int version, long definitionKey) {
    jdbc.sql(
            """
            insert into app.model_version (model_id, version_tag, kind, version, definition_key)
            values (:id, :tag, :kind, :version, :key)
            on conflict (model_id, version_tag) do nothing
            """)
        .param("id", modelId)
        .param("tag", versionTag)
        .param("kind", kind)
        .param("version", version)
        .param("key", definitionKey)
        .update();
  }
}
