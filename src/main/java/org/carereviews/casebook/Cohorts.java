package org.carereviews.casebook;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Review cohorts. */
public interface Cohorts extends JpaRepository<Cohort, Long> {

  List<Cohort> findByCodeIn(Collection<String> codes);
}
