package org.carereviews.casebook;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Locality teams. */
public interface Teams extends JpaRepository<Team, Long> {

  Optional<Team> findByCode(String code);
}
