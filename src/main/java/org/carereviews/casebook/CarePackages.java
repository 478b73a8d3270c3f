package org.carereviews.casebook;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Care packages and their versions. */
public interface CarePackages extends JpaRepository<CarePackage, Long> {

  @EntityGraph(attributePaths = {"versions"})
  @Query("select p from CarePackage p where p.person.id in :personIds order by p.id")
  List<CarePackage> findAllOfPeople(Collection<Long> personIds);

  @Query("select p from CarePackage p join fetch p.person where p.reference in :references")
  List<CarePackage> findAllWithPersonByReferenceIn(Collection<String> references);

  @EntityGraph(attributePaths = {"versions", "person", "person.team"})
  Optional<CarePackage> findWithVersionsById(Long id);
}
