package org.carereviews.ctr;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.carereviews.casebook.People;
import org.carereviews.casebook.Person;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.ctr.CtrRequests.Admission;
import org.carereviews.ctr.CtrRequests.Discharge;
import org.carereviews.ctr.CtrRequests.NewRegisterEntry;
import org.carereviews.ctr.CtrRequests.RegisterDetails;
import org.carereviews.ctr.CtrViews.EpisodeView;
import org.carereviews.ctr.CtrViews.RegisterEntryView;
import org.carereviews.ctr.CtrViews.RegisterRecordView;
import org.carereviews.identity.CareUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dynamic support register: who is on it (with consent), their rating and its history, key
 * worker, next register review, and their inpatient episodes. An admission rates the person blue; a
 * discharge re-rates them.
 */
@Service
public class CtrRegister {

  private final RegisterEntries entries;
  private final RatingChanges ratingChanges;
  private final InpatientEpisodes episodes;
  private final CtrReviews reviews;
  private final Recommendations recommendations;
  private final People people;
  private final Clock clock;

  CtrRegister(
      RegisterEntries entries,
      RatingChanges ratingChanges,
      InpatientEpisodes episodes,
      CtrReviews reviews,
      Recommendations recommendations,
      People people,
      Clock clock) {
    this.entries = entries;
    this.ratingChanges = ratingChanges;
    this.episodes = episodes;
    this.reviews = reviews;
    this.recommendations = recommendations;
    this.people = people;
    this.clock = clock;
  }

  @Transactional
  public RegisterRecordView add(CareUser user, NewRegisterEntry request) {
    Person person =
        people
            .findWithDetailsById(request.personId())
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "personId", "is not a known person: " + request.personId()));
    CtrAccess.requireWrite(user, person);
    if (entries.findByPersonId(person.getId()).isPresent()) {
      throw new InvalidRequestException(
          "personId", "is already on the register; change the rating instead");
    }
    if (!request.consentGiven()) {
      throw new InvalidRequestException(
          "consentGiven", "a person is put on the register only with their consent");
    }
    LocalDate today = LocalDate.now(clock);
    if (request.consentDate().isAfter(today)) {
      throw new InvalidRequestException("consentDate", "must not be in the future");
    }
    if (request.rating() == Rating.BLUE) {
      throw new InvalidRequestException(
          "rating",
          "blue is for people in hospital: record the admission, which " + "rates the person blue");
    }
    requireNotPast("nextReviewDate", request.nextReviewDate(), today);
    Instant now = Instant.now(clock);
    RegisterEntry entry =
        entries.save(
            new RegisterEntry(
                person,
                request.consentDate(),
                request.rating(),
                request.reasons().strip(),
                request.keyWorker().strip(),
                request.nextReviewDate(),
                user.userId(),
                now));
    ratingChanges.save(
        new RatingChange(
            entry, null, request.rating(), request.reasons().strip(), user.userId(), now));
    return record(entry);
  }

  @Transactional
  public RegisterRecordView rate(CareUser user, long personId, Rating rating, String reasons) {
    RegisterEntry entry = writableEntry(user, personId);
    boolean inHospital = openEpisode(entry) != null;
    if (rating == Rating.BLUE && !inHospital) {
      throw new InvalidRequestException(
          "rating", "blue is for people in hospital: record the admission");
    }
    if (rating != Rating.BLUE && inHospital) {
      throw new InvalidRequestException(
          "rating",
          "the person is in hospital and stays blue until the discharge "
              + "is recorded (which re-rates them)");
    }
    ratingChanges.save(entry.rate(rating, reasons.strip(), user.userId(), Instant.now(clock)));
    return record(entry);
  }

  @Transactional
  public RegisterRecordView updateDetails(CareUser user, long personId, RegisterDetails request) {
    RegisterEntry entry = writableEntry(user, personId);
    LocalDate today = LocalDate.now(clock);
    if (request.consentDate().isAfter(today)) {
      throw new InvalidRequestException("consentDate", "must not be in the future");
    }
    requireNotPast("nextReviewDate", request.nextReviewDate(), today);
    entry.updateDetails(
        request.keyWorker().strip(),
        request.nextReviewDate(),
        request.consentDate(),
        user.userId(),
        Instant.now(clock));
    return record(entry);
  }

  @Transactional
  public RegisterRecordView admit(CareUser user, long personId, Admission request) {
    RegisterEntry entry = writableEntry(user, personId);
    if (openEpisode(entry) != null) {
      throw new InvalidRequestException(
          "admissionDate", "the person is already in hospital: record that discharge " + "first");
    }
    if (request.admissionDate().isAfter(LocalDate.now(clock))) {
      throw new InvalidRequestException("admissionDate", "must not be in the future");
    }
    for (InpatientEpisode earlier :
        episodes.findByRegisterEntryIdOrderByAdmissionDateAsc(entry.getId())) {
      if (earlier.getDischargeDate().isAfter(request.admissionDate())) {
        throw new InvalidRequestException(
            "admissionDate",
            "overlaps an earlier stay (discharged "
                + CtrDates.words(earlier.getDischargeDate())
                + ")");
      }
    }
    Instant now = Instant.now(clock);
    InpatientEpisode episode =
        episodes.save(
            new InpatientEpisode(
                entry,
                request.hospital().strip(),
                request.setting(),
                request.outOfArea(),
                request.admissionDate(),
                request.commissioner(),
                request.communityReviewBeforeAdmission(),
                request.plannedDischargeDate(),
                user.userId(),
                now));
    ratingChanges.save(
        entry.rate(
            Rating.BLUE,
            "Admitted to "
                + episode.getHospital()
                + " on "
                + CtrDates.words(episode.getAdmissionDate()),
            user.userId(),
            now));
    return record(entry);
  }

  @Transactional
  public RegisterRecordView planDischarge(CareUser user, long episodeId, LocalDate date) {
    InpatientEpisode episode = writableEpisode(user, episodeId);
    episode.planDischarge(date);
    return record(episode.getRegisterEntry());
  }

  @Transactional
  public RegisterRecordView discharge(CareUser user, long episodeId, Discharge request) {
    InpatientEpisode episode = writableEpisode(user, episodeId);
    if (request.dischargeDate().isAfter(LocalDate.now(clock))) {
      throw new InvalidRequestException(
          "dischargeDate",
          "must not be in the future: record the discharge once it "
              + "has happened, and plan it before (plannedDischargeDate)");
    }
    if (request.rating() == Rating.BLUE) {
      throw new InvalidRequestException(
          "rating", "after a discharge the person is rated red, amber or green");
    }
    episode.discharge(request.dischargeDate(), user.userId());
    RegisterEntry entry = episode.getRegisterEntry();
    ratingChanges.save(
        entry.rate(request.rating(), request.reasons().strip(), user.userId(), Instant.now(clock)));
    return record(entry);
  }

  @Transactional(readOnly = true)
  public RegisterRecordView get(CareUser user, long personId) {
    RegisterEntry entry =
        entries
            .findByPersonId(personId)
            .orElseThrow(() -> new RecordNotFoundException("register entry for person", personId));
    CtrAccess.requireRead(user, entry.getPerson());
    return record(entry);
  }

  /**
   * Whether the user may keep this person's register entry (rating, details, episodes): the CTR
   * chair and the person's own team; false too when the person is not on the register.
   */
  @Transactional(readOnly = true)
  public boolean canChange(CareUser user, long personId) {
    return entries
        .findByPersonId(personId)
        .map(e -> CtrAccess.canRead(user, e.getPerson()) && CtrAccess.canWrite(user, e.getPerson()))
        .orElse(false);
  }

  /**
   * The person, when the user may put them on the register: not on it yet, and the user is the CTR
   * chair or in the person's team with the right to change its records.
   */
  @Transactional(readOnly = true)
  public java.util.Optional<CtrViews.PersonRef> addable(CareUser user, long personId) {
    return people
        .findWithDetailsById(personId)
        .filter(p -> entries.findByPersonId(p.getId()).isEmpty())
        .filter(p -> CtrAccess.canWrite(user, p))
        .map(CtrViews.PersonRef::of);
  }

  @Transactional(readOnly = true)
  public List<RegisterEntryView> list(CareUser user, Rating rating) {
    CtrAccess.requireAnyAccess(user);
    return entries.findAllWithPerson().stream()
        .filter(e -> CtrAccess.canRead(user, e.getPerson()))
        .filter(e -> rating == null || e.getRating() == rating)
        .map(RegisterEntryView::of)
        .toList();
  }

  private RegisterRecordView record(RegisterEntry entry) {
    LocalDate today = LocalDate.now(clock);
    return new RegisterRecordView(
        RegisterEntryView.of(entry),
        ratingChanges.findByRegisterEntryIdOrderByChangedAtAscIdAsc(entry.getId()).stream()
            .map(CtrViews.RatingChangeView::of)
            .toList(),
        episodes.findByRegisterEntryIdOrderByAdmissionDateAsc(entry.getId()).stream()
            .map(e -> EpisodeView.of(e, today))
            .toList(),
        reviews.findByRegisterEntryIdOrderByDueDateAsc(entry.getId()).stream()
            .map(
                r ->
                    CtrViews.ReviewView.of(
                        r, recommendations.findByReviewIdOrderById(r.getId()), today))
            .toList());
  }

  private RegisterEntry writableEntry(CareUser user, long personId) {
    RegisterEntry entry =
        entries
            .findByPersonId(personId)
            .orElseThrow(() -> new RecordNotFoundException("register entry for person", personId));
    CtrAccess.requireRead(user, entry.getPerson());
    CtrAccess.requireWrite(user, entry.getPerson());
    return entry;
  }

  private InpatientEpisode writableEpisode(CareUser user, long episodeId) {
    InpatientEpisode episode =
        episodes
            .findById(episodeId)
            .orElseThrow(() -> new RecordNotFoundException("inpatient episode", episodeId));
    CtrAccess.requireRead(user, episode.getRegisterEntry().getPerson());
    CtrAccess.requireWrite(user, episode.getRegisterEntry().getPerson());
    return episode;
  }

  private InpatientEpisode openEpisode(RegisterEntry entry) {
    return episodes.findByRegisterEntryIdOrderByAdmissionDateAsc(entry.getId()).stream()
        .filter(InpatientEpisode::isOpen)
        .findFirst()
        .orElse(null);
  }

  private static void requireNotPast(String field, LocalDate date, LocalDate today) {
    if (date.isBefore(today)) {
      throw new InvalidRequestException(field, "must not be in the past");
    }
  }
}
