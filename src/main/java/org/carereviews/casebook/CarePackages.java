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

  /**
   * Packages in force whose current version's next review falls due on or before a date, earliest
   * first.
   */
  @Query(
      """
      select v.carePackage.id from CarePackageVersion v
      where v.versionNumber = (select max(w.versionNumber) from CarePackageVersion w where w.carePackage = v.carePackage)
        and v.terms.nextReviewDue <= :dueBy and (v.terms.endDate is null or v.terms.endDate >= :today)
      order by v.terms.nextReviewDue, v.carePackage.id""")
  List<Long> findIdsDueForReview(
      java.time.LocalDate dueBy,
      java.time.LocalDate today,
      org.springframework.data.domain.Pageable page);

  /**
   * Packages in force whose first version started within the dates (both included), earliest first.
   */
  @Query(
      """
      select v.carePackage.id from CarePackageVersion v
      where v.versionNumber = (select max(w.versionNumber) from CarePackageVersion w where w.carePackage = v.carePackage)
        and (v.terms.endDate is null or v.terms.endDate >= :today)
        and exists (select f from CarePackageVersion f where f.carePackage = v.carePackage and f.versionNumber = 1
          and f.terms.startDate between :from and :to)
      order by v.carePackage.id""")
  List<Long> findIdsStartedBetween(
      java.time.LocalDate from,
      java.time.LocalDate to,
      java.time.LocalDate today,
      org.springframework.data.domain.Pageable page);
}
