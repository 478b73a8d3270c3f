package org.carereviews.casebook;

import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The people the council supports. */
public interface People extends JpaRepository<Person, Long>, JpaSpecificationExecutor<Person> {

  @EntityGraph(attributePaths = {"team", "cohorts", "fundingFlags"})
  Optional<Person> findWithDetailsById(Long id);

  @org.springframework.data.jpa.repository.Query(
      "select p.id from Person p where p.reference = :reference")
  Optional<Long> findIdByReference(String reference);
}
