package org.carereviews.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which requests to Camunda's own APIs touch case records, and how the audit trail names them.
 * Tasklist, Cockpit and Admin call the engine through {@code
 * /camunda/api/engine/engine/{engine}/...}; other clients through {@code /engine-rest/...}; both
 * are the same REST API. Case data lives in tasks, process instances and their variables (ids and
 * references: see each capability's processes), so these are audited:
 *
 * <ul>
 *   <li>{@link AuditAction#READ}: one task, process instance, execution or variable, or its
 *       variables or form variables;
 *   <li>{@link AuditAction#LIST}: task, process instance and variable queries, filter lists,
 *       history queries, and Cockpit's process instance views;
 *   <li>{@link AuditAction#CHANGE}: every other write (completing or claiming a task, starting or
 *       deleting a process, sending a message, setting variables, changing users or
 *       authorizations).
 * </ul>
 *
 * <p>Counts and definitions (process and decision models, forms, deployments, the user's own
 * profile) hold no case data and are not audited. The record id is the engine's id, or for a list
 * the request's path; never its query string, which may name variable values.
 */
final class EngineApiRequests {

  private static final Pattern ENGINE_REST = Pattern.compile("^/engine-rest(/.*)$");
  private static final Pattern WEBAPP_ENGINE =
      Pattern.compile("^/camunda/api/engine/engine/[^/]+(/.*)$");
  private static final Pattern COCKPIT_PLUGIN =
      Pattern.compile("^/camunda/api/cockpit/plugin/[^/]+/[^/]+(/.*)$");

  /** {@code /task/{id}}, {@code /task/{id}/form-variables} and the like: (resource, id, rest). */
  private static final Pattern ONE_RECORD =
      Pattern.compile(
          "^/(task|process-instance|execution|variable-instance|history/process-instance|history/variable-instance"
              + "|history/task)/([^/]+)(/.*)?$");

  private static final Pattern RECORD_DATA =
      Pattern.compile(
          "^(|/variables(/.*)?|/localVariables(/.*)?|/form-variables|/rendered-form|/data)$");
  private static final Set<String> QUERIES =
      Set.of(
          "/task",
          "/process-instance",
          "/execution",
          "/variable-instance",
          "/history/task",
          "/history/process-instance",
          "/history/variable-instance",
          "/history/detail",
          "/history/activity-instance",
          "/history/user-operation",
          "/incident",
          "/history/incident");
  private static final Pattern FILTER_LIST =
      Pattern.compile("^/filter/([^/]+)/(list|singleResult)$");
  private static final Set<String> ID_LESS_RESOURCES =
      Set.of(
          "delete",
          "suspended",
          "suspended-async",
          "variables-async",
          "job-retries",
          "message-async",
          "correlation",
          "create",
          "count");

  private static final Set<String> VARIABLE_QUERIES =
      Set.of("/variable-instance", "/history/variable-instance", "/history/detail");

  /** The query fields that name records, and the record type each names. */
  static final Map<String, String> NAMED_RECORDS =
      Map.of(
          "processInstanceId",
          "engine:process-instance",
          "processInstanceIdIn",
          "engine:process-instance",
          "taskId",
          "engine:task",
          "taskIdIn",
          "engine:task",
          "executionIdIn",
          "engine:execution");

  static final int MAX_NAMED = 20;
  private static final Pattern ENGINE_ID = Pattern.compile("[A-Za-z0-9:._-]{1,64}");

  private EngineApiRequests() {}

  /** What an engine API request does to case records, if anything; empty for other paths. */
  static Optional<EngineAccess> classify(String method, String requestPath) {
    Optional<String> engine =
        relative(ENGINE_REST, requestPath).or(() -> relative(WEBAPP_ENGINE, requestPath));
    if (engine.isPresent()) {
      return engineAccess(method, engine.get());
    }
    return relative(COCKPIT_PLUGIN, requestPath)
        .filter(path -> path.contains("process-instance") && !isCount(path))
        .map(
            path ->
                new EngineAccess(AuditAction.LIST, "engine:process-instance", "cockpit" + path));
  }

  private static Optional<EngineAccess> engineAccess(String method, String path) {
    if (isCount(path)) {
      return Optional.empty();
    }
    boolean read = "GET".equals(method) || "HEAD".equals(method);
    Matcher filterList = FILTER_LIST.matcher(path);
    if (QUERIES.contains(path) && (read || "POST".equals(method)) || filterList.matches()) {
      return Optional.of(
          new EngineAccess(
              AuditAction.LIST, recordType(filterList.matches() ? "task" : path), path));
    }
    Matcher one = ONE_RECORD.matcher(path);
    boolean oneRecord = one.matches() && !ID_LESS_RESOURCES.contains(one.group(2));
    if (read) {
      if (oneRecord && RECORD_DATA.matcher(one.group(3) == null ? "" : one.group(3)).matches()) {
        return Optional.of(
            new EngineAccess(AuditAction.READ, recordType(one.group(1)), one.group(2)));
      }
      return Optional.empty();
    }
    if (path.startsWith("/history/")
        && !oneRecord
        && "POST".equals(method)
        && !path.endsWith("/delete")) {
      // History's POSTs are queries (report and cleanup aside, which hold no case data).
      return Optional.of(new EngineAccess(AuditAction.LIST, recordType(path), path));
    }
    return Optional.of(
        oneRecord
            ? new EngineAccess(AuditAction.CHANGE, recordType(one.group(1)), one.group(2))
            : new EngineAccess(AuditAction.CHANGE, recordType(path), path));
  }

  /**
   * A query for the variables of named process instances or tasks (Cockpit's and Tasklist's
   * variable views ask this way) is recorded as a read of each of them, when it names at most
   * {@value #MAX_NAMED} of them; otherwise as the one list it is.
   *
   * @param ids the ids the query names, by the query's field ({@code processInstanceIdIn}, ...)
   */
  static List<EngineAccess> narrowed(EngineAccess access, Map<String, List<String>> ids) {
    if (!namesRecords(access)) {
      return List.of(access);
    }
    List<EngineAccess> reads = new ArrayList<>();
    ids.forEach(
        (field, values) -> {
          String recordType = NAMED_RECORDS.get(field);
          if (recordType != null) {
            values.stream()
                .filter(id -> ENGINE_ID.matcher(id).matches())
                .distinct()
                .forEach(id -> reads.add(new EngineAccess(AuditAction.READ, recordType, id)));
          }
        });
    return reads.isEmpty() || reads.size() > MAX_NAMED ? List.of(access) : reads;
  }

  /**
   * Whether {@link #narrowed} may name records for this access: the filter then reads the query's
   * ids.
   */
  static boolean namesRecords(EngineAccess access) {
    return access.action() == AuditAction.LIST && VARIABLE_QUERIES.contains(access.recordId());
  }

  private static Optional<String> relative(Pattern prefix, String requestPath) {
    Matcher matcher = prefix.matcher(requestPath);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  private static boolean isCount(String path) {
    return path.endsWith("/count");
  }

  /**
   * {@code engine:task}, {@code engine:history/process-instance}, ...: the resource, without ids.
   */
  private static String recordType(String path) {
    String[] segments = path.replaceFirst("^/", "").split("/");
    String resource =
        "history".equals(segments[0]) && segments.length > 1
            ? segments[0] + "/" + segments[1]
            : segments[0];
    String type = "engine:" + resource;
    return type.length() <= 40 ? type : type.substring(0, 40);
  }

  /** How the audit trail records one engine API request. */
  record EngineAccess(AuditAction action, String recordType, String recordId) {}
}
