package org.carereviews.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.carereviews.audit.EngineApiRequests.EngineAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which of Camunda's API requests the audit trail records, and under which action, record type and
 * id.
 */
class EngineApiRequestsTest {

  @ParameterizedTest(name = "{0} {1} -> {2} {3} {4}")
  @CsvSource(
      nullValues = "-",
      textBlock =
          """
      GET,    /engine-rest/task/t1,                                              READ,   engine:task,             t1
      GET,    /engine-rest/task/t1/form-variables,                               READ,   engine:task,             t1
      GET,    /engine-rest/task/t1/variables,                                    READ,   engine:task,             t1
      GET,    /engine-rest/task/t1/variables/panelPack,                          READ,   engine:task,             t1
      GET,    /engine-rest/task/t1/localVariables/x/data,                        READ,   engine:task,             t1
      GET,    /engine-rest/task/t1/rendered-form,                                READ,   engine:task,             t1
      GET,    /camunda/api/engine/engine/default/task/t1/form-variables,         READ,   engine:task,             t1
      GET,    /engine-rest/process-instance/p1/variables,                        READ,   engine:process-instance, p1
      GET,    /engine-rest/execution/e1/localVariables,                          READ,   engine:execution,        e1
      GET,    /engine-rest/variable-instance/v1/data,                            READ,   engine:variable-instance, v1
      GET,    /engine-rest/history/variable-instance/v1,                         READ,   engine:history/variable-instance, v1
      GET,    /engine-rest/history/process-instance/p1,                          READ,   engine:history/process-instance, p1
      GET,    /engine-rest/task,                                                 LIST,   engine:task,             /task
      POST,   /engine-rest/task,                                                 LIST,   engine:task,             /task
      POST,   /camunda/api/engine/engine/default/filter/f1/list,                 LIST,   engine:task,             /filter/f1/list
      POST,   /engine-rest/variable-instance,                                    LIST,   engine:variable-instance, /variable-instance
      POST,   /engine-rest/history/variable-instance,                            LIST,   engine:history/variable-instance, /history/variable-instance
      GET,    /engine-rest/history/detail,                                       LIST,   engine:history/detail,   /history/detail
      POST,   /camunda/api/cockpit/plugin/base/default/process-instance,         LIST,   engine:process-instance, cockpit/process-instance
      POST,   /engine-rest/task/t1/complete,                                     CHANGE, engine:task,             t1
      POST,   /camunda/api/engine/engine/default/task/t1/submit-form,            CHANGE, engine:task,             t1
      POST,   /engine-rest/task/t1/claim,                                        CHANGE, engine:task,             t1
      PUT,    /engine-rest/process-instance/p1/variables/x,                      CHANGE, engine:process-instance, p1
      DELETE, /engine-rest/process-instance/p1,                                  CHANGE, engine:process-instance, p1
      POST,   /engine-rest/process-instance/delete,                              CHANGE, engine:process-instance, /process-instance/delete
      POST,   /engine-rest/history/process-instance/delete,                      CHANGE, engine:history/process-instance, /history/process-instance/delete
      POST,   /engine-rest/message,                                              CHANGE, engine:message,          /message
      POST,   /engine-rest/process-definition/key/CarePackageReview/start,       CHANGE, engine:process-definition, /process-definition/key/CarePackageReview/start
      POST,   /camunda/api/engine/engine/default/authorization/create,           CHANGE, engine:authorization,    /authorization/create
      GET,    /engine-rest/task/count,                                           -,      -,                       -
      POST,   /camunda/api/engine/engine/default/filter/f1/count,                -,      -,                       -
      GET,    /engine-rest/process-definition/key/CarePackageReview/xml,          -,      -,                       -
      GET,    /engine-rest/task/t1/deployed-form,                                -,      -,                       -
      GET,    /engine-rest/task/report/candidate-group-count,                    -,      -,                       -
      GET,    /camunda/api/engine/engine/default/user/sw.north/profile,          -,      -,                       -
      GET,    /camunda/api/admin/auth/user/default,                              -,      -,                       -
      POST,   /camunda/api/admin/auth/user/default/login/tasklist,               -,      -,                       -
      GET,    /camunda/app/tasklist/default/,                                    -,      -,                       -
      GET,    /api/people/1,                                                     -,      -,                       -
      """)
  void classifies(
      String method, String path, AuditAction action, String recordType, String recordId) {
    assertThat(EngineApiRequests.classify(method, path))
        .isEqualTo(
            java.util.Optional.ofNullable(action)
                .map(a -> new EngineAccess(a, recordType, recordId)));
  }

  @Test
  void aVariableQueryNamingInstancesIsARecordedReadOfEach() {
    EngineAccess query =
        new EngineAccess(AuditAction.LIST, "engine:variable-instance", "/variable-instance");

    assertThat(
            EngineApiRequests.narrowed(
                query, Map.of("processInstanceIdIn", List.of("p1", "p2", "p1"))))
        .containsExactlyInAnyOrder(
            new EngineAccess(AuditAction.READ, "engine:process-instance", "p1"),
            new EngineAccess(AuditAction.READ, "engine:process-instance", "p2"));
    assertThat(EngineApiRequests.narrowed(query, Map.of("taskIdIn", List.of("t1"))))
        .containsExactly(new EngineAccess(AuditAction.READ, "engine:task", "t1"));
    // Naming nobody, too many, or something that is no engine id: the one list it is.
    assertThat(EngineApiRequests.narrowed(query, Map.of())).containsExactly(query);
    assertThat(
            EngineApiRequests.narrowed(
                query,
                Map.of(
                    "processInstanceIdIn",
                    IntStream.rangeClosed(0, EngineApiRequests.MAX_NAMED)
                        .mapToObj(i -> "p" + i)
                        .toList())))
        .containsExactly(query);
    assertThat(
            EngineApiRequests.narrowed(query, Map.of("processInstanceId", List.of("Ada Lovelace"))))
        .containsExactly(query);
    // Other lists are not narrowed.
    EngineAccess tasks = new EngineAccess(AuditAction.LIST, "engine:task", "/task");
    assertThat(EngineApiRequests.narrowed(tasks, Map.of("processInstanceId", List.of("p1"))))
        .containsExactly(tasks);
  }
}
