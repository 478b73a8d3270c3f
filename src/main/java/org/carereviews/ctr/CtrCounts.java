package org.carereviews.ctr;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.carereviews.ctr.CtrViews.DueItemView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register's figures for those who oversee the service (the directors' dashboard): counts only,
 * over everyone on the register, with no person named. The same counts as {@link
 * CtrReviewsApi#overview} gives a reader who may see everyone (a CTR role).
 */
@Service
public class CtrCounts {

  /**
   * Register by rating; inpatients; reviews due (started and open, or falling due within the
   * horizon) and overdue; actions open and overdue.
   */
  public record Counts(
      LocalDate today,
      Map<Rating, Long> registerByRating,
      long inpatients,
      long inpatientsOutOfArea,
      long reviewsDue,
      long reviewsOverdue,
      long actionsOpen,
      long actionsOverdue) {}

  private final RegisterEntries entries;
  private final InpatientEpisodes episodes;
  private final CtrSchedule schedule;
  private final Recommendations recommendations;
  private final Clock clock;

  CtrCounts(
      RegisterEntries entries,
      InpatientEpisodes episodes,
      CtrSchedule schedule,
      Recommendations recommendations,
      Clock clock) {
    this.entries = entries;
    this.episodes = episodes;
    this.schedule = schedule;
    this.recommendations = recommendations;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Counts counts() {
    LocalDate today = LocalDate.now(clock);
    Map<Rating, Long> byRating = new EnumMap<>(Rating.class);
    for (Rating rating : Rating.values()) {
      byRating.put(rating, 0L);
    }
    entries.findAllWithPerson().forEach(e -> byRating.merge(e.getRating(), 1L, Long::sum));
    List<InpatientEpisode> open = episodes.findOpen();
    List<DueItemView> due = schedule.allDue(today).stream().map(d -> d.view(today)).toList();
    List<Recommendation> actions = recommendations.findOpen();
    return new Counts(
        today,
        byRating,
        open.size(),
        open.stream().filter(InpatientEpisode::isOutOfArea).count(),
        due.size(),
        due.stream().filter(DueItemView::overdue).count(),
        actions.size(),
        actions.stream().filter(a -> a.isOverdue(today)).count());
  }
}
