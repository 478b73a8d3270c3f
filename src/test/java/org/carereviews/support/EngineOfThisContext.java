package org.carereviews.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Camunda's REST API and webapps find their engine in a static registry ({@link ProcessEngines}),
 * by the name "default". Every Spring test context registers its own engine there under that name,
 * and Spring keeps contexts alive between test classes, so the last context started would answer
 * {@code /engine-rest} and Tasklist for all of them, from its own database. Before each test this
 * puts the test's own engine back in the registry. (A deployed service has one context and one
 * engine.)
 */
public class EngineOfThisContext implements TestExecutionListener, Ordered {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    ApplicationContext context = testContext.getApplicationContext();
    context.getBeanProvider(ProcessEngine.class).ifAvailable(ProcessEngines::registerProcessEngine);
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
