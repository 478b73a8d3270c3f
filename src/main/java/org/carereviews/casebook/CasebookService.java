package org.carereviews.casebook;

import jakarta.persistence.criteria.JoinType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.carereviews.casebook.CasebookRequests.NewPerson;
import org.carereviews.casebook.CasebookRequests.PackageTermsRequest;
import org.carereviews.casebook.CasebookViews.PackageHistoryView;
import org.carereviews.casebook.CasebookViews.PackageView;
import org.carereviews.casebook.CasebookViews.PersonView;
import org.carereviews.common.Money;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.PageResponse;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.identity.CareUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes case records for a {@link CareUser}: workers and team managers see their own
 * team's people; council-wide roles see every team's.
 */
@NamedInterface("casebook-service")
@Service
public class CasebookService {

  /** Filters of the people list; null means "any". */
  @NamedInterface("casebook-service")
  public record PeopleFilter(
      ClientGroup clientGroup, String teamCode, String cohortCode, String nameContains) {}

  private final People people;
  private final CarePackages packages;
  private final Teams teams;
  private final Cohorts cohorts;
  private final Clock clock;
  private final References references;

  CasebookService(
      People people,
      CarePackages packages,
      Teams teams,
      Cohorts cohorts,
      Clock clock,
      References references) {
    this.references = references;
    this.people = people;
    this.packages = packages;
    this.teams = teams;
    this.cohorts = cohorts;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public PageResponse<PersonView> findPeople(
      CareUser user, PeopleFilter filter, Pageable pageable) {
    Page<Person> page = people.findAll(visibleTo(user).and(matching(filter)), pageable);
    List<Long> ids = page.getContent().stream().map(Person::getId).toList();
    Map<Long, List<CarePackage>> packagesByPerson =
        ids.isEmpty()
            ? Map.of()
            : packages.findAllOfPeople(ids).stream()
                .collect(Collectors.groupingBy(p -> p.getPerson().getId()));
    LocalDate today = LocalDate.now(clock);
    return PageResponse.of(
        page,
        person ->
            PersonView.of(person, packagesByPerson.getOrDefault(person.getId(), List.of()), today));
  }

  @Transactional(readOnly = true)
  public PersonView getPerson(CareUser user, long personId) {
    Person person = readablePerson(user, personId);
    return PersonView.of(person, packages.findAllOfPeople(List.of(personId)), LocalDate.now(clock));
  }

  /**
   * The id of the person with this reference ({@code P-000123}), if there is one; no access check
   * (it tells nothing but the id): read the person with {@link #getPerson}, which checks.
   */
  @Transactional(readOnly = true)
  public java.util.Optional<Long> personIdOf(String reference) {
    return people.findIdByReference(reference);
  }

  @Transactional(readOnly = true)
  public List<PackageView> packagesOf(CareUser user, long personId) {
    readablePerson(user, personId);
    LocalDate today = LocalDate.now(clock);
    return packages.findAllOfPeople(List.of(personId)).stream()
        .map(p -> PackageView.of(p, today))
        .toList();
  }

  @Transactional(readOnly = true)
  public PackageHistoryView getPackage(CareUser user, long packageId) {
    CarePackage carePackage =
        packages
            .findWithVersionsById(packageId)
            .orElseThrow(() -> new RecordNotFoundException("care package", packageId));
    requireRead(user, carePackage.getPerson());
    return PackageHistoryView.of(carePackage, LocalDate.now(clock));
  }

  /**
   * Which package a reference names, and whose it is: for imports that name packages by reference.
   */
  @NamedInterface("casebook-service")
  public record PackageIdentity(
      long packageId, String packageReference, long personId, String personReference) {}

  /** The packages with these references (unknown references are simply absent from the map). */
  @Transactional(readOnly = true)
  public java.util.Map<String, PackageIdentity> packagesByReference(
      java.util.Collection<String> references) {
    java.util.Map<String, PackageIdentity> found = new java.util.HashMap<>();
    List<String> all = List.copyOf(new java.util.LinkedHashSet<>(references));
    for (int from = 0; from < all.size(); from += 1000) {
      packages
          .findAllWithPersonByReferenceIn(all.subList(from, Math.min(all.size(), from + 1000)))
          .forEach(
              p ->
                  found.put(
                      p.getReference(),
                      new PackageIdentity(
                          p.getId(),
                          p.getReference(),
                          p.getPerson().getId(),
                          p.getPerson().getReference())));
    }
    return found;
  }

  /**
   * Who a person is, for another capability acting in a process or for a user it has already
   * authorised: no access check here. Holds personal data: never log it.
   */
  @NamedInterface("casebook-service")
  public record PersonSnapshot(
      long personId,
      String reference,
      String displayName,
      LocalDate dateOfBirth,
      ClientGroup clientGroup,
      String teamCode,
      Set<String> cohortCodes,
      Set<FundingFlag> fundingFlags) {}

  @Transactional(readOnly = true)
  public PersonSnapshot personSnapshot(long personId) {
    Person person =
        people
            .findWithDetailsById(personId)
            .orElseThrow(() -> new RecordNotFoundException("person", personId));
    return new PersonSnapshot(
        person.getId(),
        person.getReference(),
        person.getDisplayName(),
        person.getDateOfBirth(),
        person.getClientGroup(),
        person.getTeam().getCode(),
        person.getCohorts().stream().map(Cohort::getCode).collect(Collectors.toUnmodifiableSet()),
        Set.copyOf(person.getFundingFlags()));
  }

  /**
   * A package as a process sees it (no user scoping: the caller is a process step or a service that
   * has already checked the user). Holds the person's id and team, never their name.
   */
  @NamedInterface("casebook-service")
  public record PackageSnapshot(
      long packageId,
      String packageReference,
      long personId,
      String personReference,
      String teamCode,
      ClientGroup clientGroup,
      PackageTerms terms,
      int versionNumber,
      LocalDate firstStartDate) {}

  /** The package and its current terms. */
  @Transactional(readOnly = true)
  public PackageSnapshot packageSnapshot(long packageId) {
    CarePackage carePackage =
        packages
            .findWithVersionsById(packageId)
            .orElseThrow(() -> new RecordNotFoundException("care package", packageId));
    Person person = carePackage.getPerson();
    return new PackageSnapshot(
        carePackage.getId(),
        carePackage.getReference(),
        person.getId(),
        person.getReference(),
        person.getTeam().getCode(),
        person.getClientGroup(),
        carePackage.current().getTerms(),
        carePackage.current().getVersionNumber(),
        carePackage.getVersions().get(0).getTerms().getStartDate());
  }

  /**
   * Ids of packages in force whose next review is due on or before {@code dueBy}, earliest first.
   */
  @Transactional(readOnly = true)
  public List<Long> packagesDueForReview(LocalDate dueBy, int limit) {
    return packages.findIdsDueForReview(
        dueBy, LocalDate.now(clock), org.springframework.data.domain.PageRequest.of(0, limit));
  }

  /** Ids of packages in force that started between the dates (both included), earliest first. */
  @Transactional(readOnly = true)
  public List<Long> packagesStartedBetween(LocalDate from, LocalDate to, int limit) {
    return packages.findIdsStartedBetween(
        from, to, LocalDate.now(clock), org.springframework.data.domain.PageRequest.of(0, limit));
  }

  /**
   * Records a change decided by a process (a review's approved package change) as a new version;
   * the process has checked who may decide it.
   *
   * @return the new version's number
   */
  @Transactional
  public int recordDecidedChange(
      long packageId, PackageTerms terms, String reason, String recordedBy) {
    CarePackage carePackage =
        packages
            .findWithVersionsById(packageId)
            .orElseThrow(() -> new RecordNotFoundException("care package", packageId));
    return carePackage
        .recordChange(terms, reason, recordedBy, Instant.now(clock))
        .getVersionNumber();
  }

  /**
   * A new person record from another capability or the demo loader; the reference is allocated
   * here.
   */
  @Transactional
  public Person recordPerson(
      String displayName,
      java.time.LocalDate dateOfBirth,
      ClientGroup clientGroup,
      Team team,
      Set<Cohort> personCohorts,
      Set<FundingFlag> fundingFlags,
      String recordedBy) {
    return people.save(
        new Person(
            references.nextPersonReference(),
            displayName,
            dateOfBirth,
            clientGroup,
            team,
            personCohorts,
            fundingFlags,
            Instant.now(clock),
            recordedBy));
  }

  /** A new package with its first version; the reference is allocated here. */
  @Transactional
  public CarePackage recordPackage(
      Person person, PackageTerms terms, String reason, String recordedBy) {
    return packages.save(
        new CarePackage(
            references.nextPackageReference(),
            person,
            terms,
            reason,
            recordedBy,
            Instant.now(clock)));
  }

  @Transactional
  public PersonView createPerson(CareUser user, NewPerson request) {
    Team team =
        teams
            .findByCode(request.teamCode())
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "teamCode", "is not a known team: " + request.teamCode()));
    if (!user.canWriteTeam(team.getCode())) {
      throw new AccessDeniedException("only the team's workers and managers record its people");
    }
    Set<String> cohortCodes = request.cohortCodes() == null ? Set.of() : request.cohortCodes();
    List<Cohort> found = cohorts.findByCodeIn(cohortCodes);
    if (found.size() != cohortCodes.size()) {
      Set<String> unknown = new HashSet<>(cohortCodes);
      found.forEach(c -> unknown.remove(c.getCode()));
      throw new InvalidRequestException("cohortCodes", "has unknown cohorts: " + unknown);
    }
    Person person =
        people.save(
            new Person(
                references.nextPersonReference(),
                request.displayName().strip(),
                request.dateOfBirth(),
                request.clientGroup(),
                team,
                new HashSet<>(found),
                request.fundingFlags() == null ? Set.of() : request.fundingFlags(),
                Instant.now(clock),
                user.userId()));
    return PersonView.of(person, List.of(), LocalDate.now(clock));
  }

  @Transactional
  public PackageHistoryView createPackage(
      CareUser user, long personId, PackageTermsRequest request) {
    Person person = readablePerson(user, personId);
    requireWrite(user, person);
    CarePackage carePackage =
        packages.save(
            new CarePackage(
                references.nextPackageReference(),
                person,
                toTerms(request),
                request.reason().strip(),
                user.userId(),
                Instant.now(clock)));
    return PackageHistoryView.of(carePackage, LocalDate.now(clock));
  }

  /**
   * Records a team's correction to a package as a new version; the earlier versions are kept
   * unchanged. Only corrections that leave what the package costs as it is come this way (a
   * provider's name, the service type, the split of the same net cost, the next review date): a
   * change of the net weekly cost or of the end date is a package request to the panel or a team
   * manager (package requests, reviews, CTR discharges), which reaches the savings ledger, and is
   * refused here naming the field. Approved changes are written by {@link #recordDecidedChange}.
   */
  @Transactional
  public PackageHistoryView changePackage(
      CareUser user, long packageId, PackageTermsRequest request) {
    CarePackage carePackage =
        packages
            .findWithVersionsById(packageId)
            .orElseThrow(() -> new RecordNotFoundException("care package", packageId));
    requireRead(user, carePackage.getPerson());
    requireWrite(user, carePackage.getPerson());
    PackageTerms terms = toTerms(request);
    refuseCostChange(carePackage, terms);
    carePackage.recordChange(terms, request.reason().strip(), user.userId(), Instant.now(clock));
    return PackageHistoryView.of(carePackage, LocalDate.now(clock));
  }

  private static void refuseCostChange(CarePackage carePackage, PackageTerms corrected) {
    PackageTerms current = carePackage.current().getTerms();
    String reference = carePackage.getReference();
    if (!corrected.getNetWeeklyCost().equals(current.getNetWeeklyCost())) {
      String field =
          !corrected.getWeeklyGrossCost().equals(current.getWeeklyGrossCost())
              ? "weeklyGrossCost"
              : !corrected.getAssessedContribution().equals(current.getAssessedContribution())
                  ? "assessedContribution"
                  : "nhsSharePercent";
      throw new InvalidRequestException(
          field,
          "A change to the net weekly cost of "
              + reference
              + " (GBP "
              + current.getNetWeeklyCost()
              + " to GBP "
              + corrected.getNetWeeklyCost()
              + ") must go to the panel as a "
              + "package request (POST /api/panel/requests), or come from a review; this route records only "
              + "corrections that leave the net weekly cost as it is");
    }
    if (!java.util.Objects.equals(corrected.getEndDate(), current.getEndDate())) {
      throw new InvalidRequestException(
          "endDate",
          "Ending "
              + reference
              + " or moving its end date ("
              + (current.getEndDate() == null ? "none" : current.getEndDate())
              + " to "
              + (corrected.getEndDate() == null ? "none" : corrected.getEndDate())
              + ") changes what it costs: it must "
              + "go to the panel as a package request, or come from a review; this route records only corrections "
              + "that leave the cost as it is");
    }
    LocalDate began = carePackage.getVersions().get(0).getTerms().getStartDate();
    if (corrected.getStartDate().isBefore(began)) {
      throw new InvalidRequestException(
          "startDate",
          "must not be before "
              + reference
              + " began ("
              + began
              + "): starting it earlier changes what it costs, which goes to the panel as a package request");
    }
  }

  static PackageTerms toTerms(PackageTermsRequest request) {
    Money gross = Money.of(request.weeklyGrossCost());
    Money contribution =
        request.assessedContribution() == null
            ? Money.ZERO
            : Money.of(request.assessedContribution());
    if (contribution.isGreaterThan(gross)) {
      throw new InvalidRequestException(
          "assessedContribution", "must not be more than the weekly gross cost");
    }
    if (request.endDate() != null && request.endDate().isBefore(request.startDate())) {
      throw new InvalidRequestException("endDate", "must not be before the start date");
    }
    if (request.nextReviewDue() != null && request.nextReviewDue().isBefore(request.startDate())) {
      throw new InvalidRequestException("nextReviewDue", "must not be before the start date");
    }
    BigDecimal nhsShare =
        request.nhsSharePercent() == null ? BigDecimal.ZERO : request.nhsSharePercent();
    return new PackageTerms(
        request.serviceType(),
        request.provider().strip(),
        gross,
        contribution,
        nhsShare,
        request.startDate(),
        request.endDate(),
        request.nextReviewDue());
  }

  private Person readablePerson(CareUser user, long personId) {
    Person person =
        people
            .findWithDetailsById(personId)
            .orElseThrow(() -> new RecordNotFoundException("person", personId));
    requireRead(user, person);
    return person;
  }

  private static void requireRead(CareUser user, Person person) {
    if (!user.canReadTeam(person.getTeam().getCode())) {
      throw new AccessDeniedException("person " + person.getId() + " belongs to another team");
    }
  }

  private static void requireWrite(CareUser user, Person person) {
    if (!user.canWriteTeam(person.getTeam().getCode())) {
      throw new AccessDeniedException("only the team's workers and managers change its packages");
    }
  }

  private static Specification<Person> visibleTo(CareUser user) {
    if (user.readsAllTeams()) {
      return (root, query, cb) -> cb.conjunction();
    }
    if (user.teamCodes().isEmpty()) {
      return (root, query, cb) -> cb.disjunction();
    }
    return (root, query, cb) -> root.get("team").get("code").in(user.teamCodes());
  }

  private static Specification<Person> matching(PeopleFilter filter) {
    Specification<Person> spec = (root, query, cb) -> cb.conjunction();
    if (filter.clientGroup() != null) {
      spec = spec.and((root, query, cb) -> cb.equal(root.get("clientGroup"), filter.clientGroup()));
    }
    if (filter.teamCode() != null) {
      spec =
          spec.and((root, query, cb) -> cb.equal(root.get("team").get("code"), filter.teamCode()));
    }
    if (filter.cohortCode() != null) {
      spec =
          spec.and(
              (root, query, cb) -> {
                query.distinct(true);
                return cb.equal(
                    root.join("cohorts", JoinType.INNER).get("code"), filter.cohortCode());
              });
    }
    if (filter.nameContains() != null) {
      String pattern =
          "%" + filter.nameContains().toLowerCase().replace("%", "").replace("_", "") + "%";
      spec = spec.and((root, query, cb) -> cb.like(cb.lower(root.get("displayName")), pattern));
    }
    return spec;
  }
}
