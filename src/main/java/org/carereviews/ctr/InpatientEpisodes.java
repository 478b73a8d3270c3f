package org.carereviews.ctr;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Inpatient episodes of people on the register. */
interface InpatientEpisodes extends JpaRepository<InpatientEpisode, Long> {

  List<InpatientEpisode> findByRegisterEntryIdOrderByAdmissionDateAsc(long registerEntryId);

  @Query(
      "select e from InpatientEpisode e join fetch e.registerEntry r join fetch r.person p join fetch p.team "
          + "where e.dischargeDate is null order by e.admissionDate")
  List<InpatientEpisode> findOpen();
}
