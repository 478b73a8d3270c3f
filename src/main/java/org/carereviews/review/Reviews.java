package org.carereviews.review;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Care package reviews. */
interface Reviews extends JpaRepository<Review, Long> {

  Optional<Review> findByOpenPackageId(long carePackageId);

  Optional<Review> findByProcessInstanceId(String processInstanceId);

  boolean existsByCarePackageId(long carePackageId);

  @Query(
      "select r.carePackageId from Review r where r.carePackageId in :packageIds and r.openPackageId is not null")
  List<Long> findPackagesWithOpenReview(Collection<Long> packageIds);

  @Query("select distinct r.carePackageId from Review r where r.carePackageId in :packageIds")
  List<Long> findPackagesEverReviewed(Collection<Long> packageIds);

  @Query(
      """
      select r from Review r where (:allTeams = true or r.teamCode in :teamCodes)
        and (:status is null or r.status = :status) order by r.dueDate, r.id""")
  Page<Review> findByTeams(
      boolean allTeams, Collection<String> teamCodes, ReviewStatus status, Pageable page);

  @Query(
      """
      select r from Review r where (:allTeams = true or r.teamCode in :teamCodes)
        and r.status <> org.carereviews.review.ReviewStatus.COMPLETED and r.dueDate < :today order by r.dueDate, r.id""")
  Page<Review> findOverdue(
      boolean allTeams, Collection<String> teamCodes, LocalDate today, Pageable page);

  List<Review> findByProcessInstanceIdIn(Collection<String> processInstanceIds);

  List<Review> findByPersonIdOrderByStartedAtDescIdDesc(long personId);

  List<Review> findByReferenceIn(Collection<String> references);

  @Query(
      "select r.reference from Review r where r.personId in :personIds and r.openPackageId is not null")
  List<String> findOpenReferencesOfPeople(Collection<Long> personIds);

  Optional<Review> findFirstByPersonIdAndStatusOrderByCompletedAtDesc(
      long personId, ReviewStatus status);
}
