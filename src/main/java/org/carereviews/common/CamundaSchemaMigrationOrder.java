package org.carereviews.common;

import java.util.ArrayList;
import java.util.Arrays;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Outside the embedded default, Camunda's tables come from Camunda's shipped SQL scripts, applied
 * by a Flyway migration; the process engine must therefore start after Flyway has run.
 */
@Configuration
class CamundaSchemaMigrationOrder {

  static final String FLYWAY_INITIALIZER = "flywayInitializer";
  static final String PROCESS_ENGINE_FACTORY = "processEngineFactoryBean";

  @Bean
  static BeanFactoryPostProcessor processEngineStartsAfterFlyway() {
    return beanFactory -> {
      if (!beanFactory.containsBeanDefinition(FLYWAY_INITIALIZER)
          || !beanFactory.containsBeanDefinition(PROCESS_ENGINE_FACTORY)) {
        return;
      }
      BeanDefinition engine = beanFactory.getBeanDefinition(PROCESS_ENGINE_FACTORY);
      var dependsOn = new ArrayList<String>();
      if (engine.getDependsOn() != null) {
        dependsOn.addAll(Arrays.asList(engine.getDependsOn()));
      }
      dependsOn.add(FLYWAY_INITIALIZER);
      engine.setDependsOn(dependsOn.toArray(String[]::new));
    };
  }
}
