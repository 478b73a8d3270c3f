package org.carereviews.ctr;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.carereviews.ctr.CtrViews.DueItemView;
import org.carereviews.ctr.CtrViews.PersonRef;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.carereviews.workflow.Workflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What falls due for whom, by the council's scheduling policy (the decision table {@code
 * processes/ctr/CtrSchedule.dmn}); and the daily start of what is due.
 *
 * <p>For each person on the register the table is asked, with their age, whether they are in
 * hospital, the setting, whether a community review came before the admission, whether they are out
 * of area and their rating, which reviews they need: each rule names a kind of review, how long
 * after its anchor it falls due, and how long before that it is started (consent and papers take
 * time). The anchor is the admission ({@code ADMISSION}), the last review in hospital of this stay
 * ({@code LAST_HOSPITAL_REVIEW}), the last oversight visit of this stay ({@code
 * LAST_OVERSIGHT_VISIT}), or when the person was rated red ({@code RATED_RED}); without an earlier
 * review, the admission.
 */
@Service
public class CtrSchedule {

  private static final Logger log = LoggerFactory.getLogger(CtrSchedule.class);

  /** One rule's answer from the decision table. */
  record Requirement(ReviewKind kind, Period interval, String anchor, Period startBefore) {
    static Requirement of(Map<String, Object> output) {
      return new Requirement(
          ReviewKind.valueOf(text(output, "reviewKind")),
          Period.parse(text(output, "interval")),
          text(output, "anchor"),
          Period.parse(text(output, "startBefore")));
    }

    private static String text(Map<String, Object> output, String name) {
      Object value = output.get(name);
      if (value == null) {
        throw new IllegalStateException(
            "a rule of " + CtrProcesses.SCHEDULE_DECISION + " gives no " + name);
      }
      return value.toString();
    }
  }

  /** Something due, started or not. */
  record Due(
      RegisterEntry entry,
      ReviewKind kind,
      InpatientEpisode episode,
      LocalDate dueDate,
      LocalDate startsOn,
      CtrReview review) {
    DueItemView view(LocalDate today) {
      return new DueItemView(
          PersonRef.of(entry.getPerson()),
          kind,
          episode == null ? null : episode.getId(),
          dueDate,
          startsOn,
          review != null,
          review == null ? null : review.getReference(),
          dueDate.isBefore(today));
    }
  }

  private final RegisterEntries entries;
  private final InpatientEpisodes episodes;
  private final CtrReviews reviews;
  private final Workflow workflow;
  private final CtrReferences references;
  private final CtrProperties properties;
  private final Clock clock;

  CtrSchedule(
      RegisterEntries entries,
      InpatientEpisodes episodes,
      CtrReviews reviews,
      Workflow workflow,
      CtrReferences references,
      CtrProperties properties,
      Clock clock) {
    this.entries = entries;
    this.episodes = episodes;
    this.reviews = reviews;
    this.workflow = workflow;
    this.references = references;
    this.properties = properties;
    this.clock = clock;
  }

  /** The policy's answer for one set of facts (the decision table, rule by rule). */
  List<Requirement> requirements(
      int age,
      boolean inHospital,
      HospitalSetting setting,
      boolean priorCommunityReview,
      boolean outOfArea,
      Rating rating) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("age", age);
    facts.put("inHospital", inHospital);
    facts.put("setting", setting == null ? "NONE" : setting.name());
    facts.put("priorCommunityReview", priorCommunityReview);
    facts.put("outOfArea", outOfArea);
    facts.put("rating", rating.name());
    return workflow.evaluate(CtrProcesses.SCHEDULE_DECISION, facts).stream()
        .map(Requirement::of)
        .toList();
  }

  /**
   * Everything due that this user may see: started reviews still open, and what will fall due
   * within the horizon.
   */
  @Transactional(readOnly = true)
  public List<DueItemView> due(CareUser user) {
    CtrAccess.requireAnyAccess(user);
    LocalDate today = LocalDate.now(clock);
    return allDue(today).stream()
        .filter(d -> CtrAccess.canRead(user, d.entry().getPerson()))
        .map(d -> d.view(today))
        .toList();
  }

  List<Due> allDue(LocalDate today) {
    LocalDate horizon = today.plus(properties.dueHorizon());
    Map<Long, InpatientEpisode> openEpisodes = new HashMap<>();
    episodes.findOpen().forEach(e -> openEpisodes.put(e.getRegisterEntry().getId(), e));
    List<Due> found = new ArrayList<>();
    for (CtrReview open : reviews.findOpen()) {
      found.add(
          new Due(
              open.getRegisterEntry(),
              open.getKind(),
              open.getEpisode(),
              open.getDueDate(),
              LocalDate.ofInstant(open.getStartedAt(), clock.getZone()),
              open));
    }
    for (RegisterEntry entry : entries.findAllWithPerson()) {
      InpatientEpisode episode = openEpisodes.get(entry.getId());
      List<CtrReview> history = reviews.findByRegisterEntryIdOrderByDueDateAsc(entry.getId());
      int age = java.time.Period.between(entry.getPerson().getDateOfBirth(), today).getYears();
      for (Requirement requirement :
          requirements(
              age,
              episode != null,
              episode == null ? null : episode.getSetting(),
              episode != null && episode.isCommunityReviewBeforeAdmission(),
              episode != null && episode.isOutOfArea(),
              entry.getRating())) {
        boolean alreadyOpen =
            history.stream()
                .anyMatch(
                    r ->
                        r.getStatus() == CtrReview.Status.OPEN
                            && r.getKind() == requirement.kind());
        if (alreadyOpen) {
          continue;
        }
        nextDue(entry, episode, history, requirement)
            .filter(due -> !due.dueDate().isAfter(horizon))
            .ifPresent(found::add);
      }
    }
    found.sort(
        Comparator.comparing(Due::dueDate)
            .thenComparing(d -> d.entry().getPerson().getReference()));
    return found;
  }

  private Optional<Due> nextDue(
      RegisterEntry entry,
      InpatientEpisode episode,
      List<CtrReview> history,
      Requirement requirement) {
    LocalDate anchor;
    switch (requirement.anchor()) {
      case "ADMISSION" -> {
        boolean done =
            history.stream()
                .anyMatch(
                    r ->
                        Objects.equals(idOf(r.getEpisode()), idOf(episode))
                            && r.getKind() == requirement.kind());
        if (episode == null || done) {
          return Optional.empty();
        }
        anchor = episode.getAdmissionDate();
      }
      case "LAST_HOSPITAL_REVIEW" ->
          anchor = lastCompleted(history, episode, true).orElse(admission(episode));
      case "LAST_OVERSIGHT_VISIT" ->
          anchor = lastCompleted(history, episode, false).orElse(admission(episode));
      case "RATED_RED" -> {
        LocalDate rated = LocalDate.ofInstant(entry.getRatedAt(), clock.getZone());
        boolean done =
            history.stream()
                .anyMatch(
                    r ->
                        r.getKind() == requirement.kind()
                            && r.getStatus() == CtrReview.Status.COMPLETED
                            && !heldOn(r).isBefore(rated));
        if (done) {
          return Optional.empty();
        }
        anchor = rated;
      }
      default ->
          throw new IllegalStateException(
              "CtrSchedule names an unknown anchor: " + requirement.anchor());
    }
    if (anchor == null) {
      return Optional.empty();
    }
    LocalDate dueDate = anchor.plus(requirement.interval());
    return Optional.of(
        new Due(
            entry,
            requirement.kind(),
            requirement.kind() == ReviewKind.COMMUNITY_CTR ? null : episode,
            dueDate,
            dueDate.minus(requirement.startBefore()),
            null));
  }

  private Optional<LocalDate> lastCompleted(
      List<CtrReview> history, InpatientEpisode episode, boolean hospitalReview) {
    if (episode == null) {
      return Optional.empty();
    }
    return history.stream()
        .filter(r -> r.getStatus() == CtrReview.Status.COMPLETED)
        .filter(r -> Objects.equals(idOf(r.getEpisode()), episode.getId()))
        .filter(
            r ->
                hospitalReview
                    ? r.getKind().isHospitalReview()
                    : r.getKind() == ReviewKind.OVERSIGHT_VISIT)
        .map(this::heldOn)
        .max(Comparator.naturalOrder());
  }

  private LocalDate heldOn(CtrReview review) {
    Instant held = review.getMeetingAt() != null ? review.getMeetingAt() : review.getCompletedAt();
    return LocalDate.ofInstant(held, clock.getZone());
  }

  private static LocalDate admission(InpatientEpisode episode) {
    return episode == null ? null : episode.getAdmissionDate();
  }

  private static Long idOf(InpatientEpisode episode) {
    return episode == null ? null : episode.getId();
  }

  /**
   * The daily job: starts every review whose start day has come (a review, or an oversight visit),
   * once. Returns the references started.
   */
  @Transactional
  public List<String> startDue() {
    LocalDate today = LocalDate.now(clock);
    List<String> started = new ArrayList<>();
    for (Due due : allDue(today)) {
      if (due.review() != null || due.startsOn().isAfter(today)) {
        continue;
      }
      CtrReview review =
          reviews.save(
              new CtrReview(
                  references.nextReviewReference(),
                  due.entry(),
                  due.episode(),
                  due.kind(),
                  due.dueDate(),
                  Instant.now(clock)));
      String process =
          due.kind() == ReviewKind.OVERSIGHT_VISIT
              ? CtrProcesses.OVERSIGHT_VISIT
              : CtrProcesses.REVIEW;
      Map<String, Object> variables = new HashMap<>();
      CtrProcesses.REVIEW_ID.put(variables, review.getId());
      CtrProcesses.TEAM_GROUP.put(
          variables, Roles.teamGroup(due.entry().getPerson().getTeam().getCode()));
      review.startedAs(workflow.start(process, review.getReference(), variables));
      started.add(review.getReference());
    }
    log.info("CTR schedule: {} review(s) started", started.size());
    return started;
  }

  /** The daily job run by hand (CTR chair only). */
  @Transactional
  public List<String> startDue(CareUser user) {
    if (!user.hasRole(Roles.CTR_CHAIR)) {
      throw new org.springframework.security.access.AccessDeniedException(
          "only the CTR chair runs the schedule");
    }
    return startDue();
  }
}
