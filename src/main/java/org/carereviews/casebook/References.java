package org.carereviews.casebook;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Allocates human-facing references from database sequences: {@code P-000123}, {@code PKG-000456}.
 */
@Component
class References {

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  References(JdbcTemplate jdbc) throws Exception {
    this.jdbc = jdbc;
    String product =
        JdbcUtils.extractDatabaseMetaData(
            jdbc.getDataSource(), DatabaseMetaData::getDatabaseProductName);
    this.postgres = product.toLowerCase(Locale.ROOT).contains("postgres");
  }

  String nextPersonReference() {
    return String.format("P-%06d", next("person_reference_seq"));
  }

  String nextPackageReference() {
    return String.format("PKG-%06d", next("care_package_reference_seq"));
  }

  private long next(String sequence) {
    String sql =
        postgres ? "select nextval('" + sequence + "')" : "select next value for " + sequence;
    Long value = jdbc.queryForObject(sql, Long.class);
    return value == null ? 0 : value;
  }
}
