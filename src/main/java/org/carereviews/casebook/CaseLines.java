package org.carereviews.casebook;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.carereviews.common.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People and their packages in bulk, for a list another capability has already scoped to the user
 * (a work list): two queries whatever the number of rows. Holds names: never log them.
 */
@Service
public class CaseLines {

  /** A person as a list row names them. */
  public record PersonLine(long personId, String reference, String displayName) {}

  /** A package as a list row shows it: its current terms. */
  public record PackageLine(
      long packageId,
      String reference,
      long personId,
      ServiceType serviceType,
      String provider,
      Money netWeeklyCost) {}

  /** The people asked for and all their packages, by id. */
  public record Lines(Map<Long, PersonLine> people, Map<Long, PackageLine> packages) {}

  private final People people;
  private final CarePackages packages;

  CaseLines(People people, CarePackages packages) {
    this.people = people;
    this.packages = packages;
  }

  @Transactional(readOnly = true)
  public Lines of(Collection<Long> personIds) {
    if (personIds.isEmpty()) {
      return new Lines(Map.of(), Map.of());
    }
    List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(personIds));
    Map<Long, PersonLine> foundPeople = new HashMap<>();
    people
        .findAllById(ids)
        .forEach(
            person ->
                foundPeople.put(
                    person.getId(),
                    new PersonLine(
                        person.getId(), person.getReference(), person.getDisplayName())));
    Map<Long, PackageLine> foundPackages = new HashMap<>();
    packages
        .findAllOfPeople(ids)
        .forEach(
            p -> {
              PackageTerms terms = p.current().getTerms();
              foundPackages.put(
                  p.getId(),
                  new PackageLine(
                      p.getId(),
                      p.getReference(),
                      p.getPerson().getId(),
                      terms.getServiceType(),
                      terms.getProvider(),
                      terms.getNetWeeklyCost()));
            });
    return new Lines(foundPeople, foundPackages);
  }
}
