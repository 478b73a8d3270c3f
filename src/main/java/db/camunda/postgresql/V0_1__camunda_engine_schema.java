package db.camunda.postgresql;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates Camunda 7's tables on PostgreSQL from the scripts that ship inside the Camunda engine
 * jar, so that Flyway records when the schema was created and the engine runs with schema updates
 * off. A Camunda upgrade adds a migration that applies Camunda's shipped upgrade script.
 */
public class V0_1__camunda_engine_schema extends BaseJavaMigration {

  private static final String[] SCRIPTS = {
    "engine",
    "history",
    "identity",
    "case.engine",
    "case.history",
    "decision.engine",
    "decision.history"
  };

  @Override
  public void migrate(Context context) {
    for (String script : SCRIPTS) {
      ScriptUtils.executeSqlScript(
          context.getConnection(),
          new ClassPathResource(
              "org/camunda/bpm/engine/db/create/activiti.postgres.create." + script + ".sql"));
    }
  }
}
