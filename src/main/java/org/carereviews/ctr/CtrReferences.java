package org.carereviews.ctr;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/** Human-facing review references, {@code CTR-000012}, from their own database sequence. */
@Component
class CtrReferences {

  private final DataFieldMaxValueIncrementer sequence;

  CtrReferences(JdbcTemplate jdbc) throws Exception {
    String product =
        JdbcUtils.extractDatabaseMetaData(
            jdbc.getDataSource(), DatabaseMetaData::getDatabaseProductName);
    this.sequence =
        product.toLowerCase(Locale.ROOT).contains("postgres")
            ? new PostgresSequenceMaxValueIncrementer(
                jdbc.getDataSource(), "ctr_review_reference_seq")
            : new H2SequenceMaxValueIncrementer(jdbc.getDataSource(), "ctr_review_reference_seq");
  }

  String nextReviewReference() {
    return String.format("CTR-%06d", sequence.nextLongValue());
  }
}
