package org.carereviews.workspace.board;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.common.DateWindows;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.carereviews.savings.validation.BoardDesk;
import org.carereviews.savings.validation.BoardDesk.MonthList;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Change and Efficiency Board's page, {@code /board}: the month's list of validated savings
 * with its totals by line and kind; a board member holds named savings back, each with a reason,
 * and ratifies the rest (the board's ratification task, completed as the signed-in user); a
 * confirmation of what happens next; the record of past months, each month's list at {@code
 * /board/{month}}.
 */
@Controller
class BoardController {

  static final int LONGEST_REASON = 1000;
  private static final Pattern SAVING_IN_MESSAGE = Pattern.compile("^saving (\\d+) ");
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  /** A refusal at one field of the page, for the error summary and the field. */
  record FieldError(String field, String message) {}

  private final BoardDesk desk;

  BoardController(BoardDesk desk) {
    this.desk = desk;
  }

  @GetMapping("/board")
  @Audited(action = AuditAction.LIST, record = "saving")
  String board(CareUser user, Model model) {
    model.addAttribute("list", desk.waiting(user).orElse(null));
    model.addAttribute("past", desk.pastMonths(user));
    model.addAttribute("boardMember", user.hasRole(Roles.BOARD_MEMBER));
    model.addAttribute("errors", List.of());
    model.addAttribute("heldBack", Set.of());
    model.addAttribute("reasons", Map.of());
    return "workspace/board/board";
  }

  @PostMapping("/board/{month}/decision")
  String decide(
      @PathVariable String month,
      @RequestParam MultiValueMap<String, String> form,
      CareUser user,
      Model model,
      RedirectAttributes redirect) {
    YearMonth meetingMonth = month(month);
    List<String> ticked = form.getOrDefault("holdBack", List.of());
    Map<Long, String> holdBacks = new LinkedHashMap<>();
    Map<String, String> reasons = new HashMap<>();
    List<FieldError> errors = new ArrayList<>();
    MonthList list = desk.month(user, meetingMonth);
    for (BoardDesk.Row row : list.rows()) {
      String reason = form.getFirst("reason-" + row.costChangeId());
      reasons.put(String.valueOf(row.costChangeId()), reason == null ? "" : reason);
      if (!ticked.contains(String.valueOf(row.costChangeId()))) {
        if (reason != null && !reason.isBlank()) {
          // a reason without the tick: the board member meant to hold it back, so nothing is
          // ratified unasked
          errors.add(
              new FieldError(
                  "hold-back-" + row.costChangeId(),
                  "Tick hold back for the saving on "
                      + named(row)
                      + ", or clear its reason to ratify it"));
        }
        continue;
      }
      String field = "reason-" + row.costChangeId();
      if (reason == null || reason.isBlank()) {
        errors.add(
            new FieldError(field, "Enter why the saving on " + named(row) + " is held back"));
      } else if (reason.strip().length() > LONGEST_REASON) {
        errors.add(
            new FieldError(
                field,
                "The reason for holding back the saving on "
                    + named(row)
                    + " must be "
                    + LONGEST_REASON
                    + " characters or fewer"));
      } else {
        holdBacks.put(row.costChangeId(), reason.strip());
      }
    }
    for (String id : ticked) {
      if (list.rows().stream().noneMatch(r -> String.valueOf(r.costChangeId()).equals(id))) {
        errors.add(
            new FieldError(
                "ratify", "Saving " + id + " is not on the list of " + label(meetingMonth)));
      }
    }
    if (errors.isEmpty()) {
      try {
        desk.decide(user, meetingMonth, holdBacks);
        redirect.addAttribute("month", meetingMonth.toString());
        return "redirect:/board/{month}/decided";
      } catch (InvalidRequestException refused) {
        errors.add(atField(refused));
      }
    }
    model.addAttribute("list", desk.month(user, meetingMonth));
    model.addAttribute("past", desk.pastMonths(user));
    model.addAttribute("boardMember", user.hasRole(Roles.BOARD_MEMBER));
    model.addAttribute("errors", errors);
    model.addAttribute("heldBack", Set.copyOf(ticked));
    model.addAttribute("reasons", reasons);
    return "workspace/board/board";
  }

  /** How a row is named to the board: its package's and person's references, as the row shows. */
  static String named(BoardDesk.Row row) {
    return row.packageReference() + " (" + row.personReference() + ")";
  }

  @GetMapping("/board/{month}/decided")
  String decided(@PathVariable String month, CareUser user, Model model) {
    MonthList list = desk.month(user, month(month));
    if (!list.decided()) {
      throw new RecordNotFoundException("board decision of", month);
    }
    model.addAttribute("list", list);
    model.addAttribute("monthLabel", label(month(month)));
    return "workspace/board/decided";
  }

  @GetMapping("/board/{month}")
  @Audited(action = AuditAction.READ, record = "saving")
  String month(@PathVariable String month, CareUser user, Model model) {
    model.addAttribute("list", desk.month(user, month(month)));
    model.addAttribute("monthLabel", label(month(month)));
    return "workspace/board/month";
  }

  /** A month written as the page writes it: April 2026. */
  static String label(YearMonth month) {
    return month.format(MONTH);
  }

  /** The service's refusal at the row it names, else at the button. */
  private static FieldError atField(InvalidRequestException refused) {
    String message = refused.getMessage();
    Matcher saving = SAVING_IN_MESSAGE.matcher(message);
    String text = Character.toUpperCase(message.charAt(0)) + message.substring(1);
    return new FieldError(saving.find() ? "reason-" + saving.group(1) : "ratify", text);
  }

  private static YearMonth month(String text) {
    try {
      YearMonth month =
          text != null && text.matches("[0-9]{4}-[0-9]{2}") ? YearMonth.parse(text) : null;
      if (month != null && DateWindows.monthProblem(month) == null) {
        return month;
      }
    } catch (DateTimeParseException e) {
      // not a month: refused below
    }
    throw new InvalidRequestException("month", "is not a month written yyyy-mm, such as 2026-04");
  }
}
