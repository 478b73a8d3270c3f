package org.carereviews.ctr;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** People on the dynamic support register. */
interface RegisterEntries extends JpaRepository<RegisterEntry, Long> {

  @Query(
      "select e from RegisterEntry e join fetch e.person p join fetch p.team where p.id = :personId")
  Optional<RegisterEntry> findByPersonId(long personId);

  @Query(
      "select e from RegisterEntry e join fetch e.person p join fetch p.team order by e.rating, p.reference")
  List<RegisterEntry> findAllWithPerson();
}
