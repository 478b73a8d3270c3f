package org.carereviews.common.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Gives every schema of the OpenAPI description ({@code /v3/api-docs}) a name of its own. Springdoc
 * names a schema after its class's simple name, so two nested records of one name (the panel's
 * {@code PanelController.Figures} and the roll-up's {@code SavingsRollup.Figures}) became one
 * schema. A nested class whose simple name another class of the service shares is named with its
 * enclosing class in front ({@code PanelControllerFigures}, {@code SavingsRollupFigures}); every
 * other class keeps its simple name.
 */
@Configuration
class OpenApiSchemaNames {

  private static final String PACKAGE = "org.carereviews";

  @Bean
  ModelResolver uniqueSchemaNames(ObjectMapperProvider objectMapperProvider) throws IOException {
    return new ModelResolver(objectMapperProvider.jsonMapper(), new Resolver(sharedSimpleNames()));
  }

  /**
   * The simple names more than one class of the service carries (found once, from the class files).
   */
  static Set<String> sharedSimpleNames() throws IOException {
    Resource[] classes =
        new PathMatchingResourcePatternResolver(OpenApiSchemaNames.class.getClassLoader())
            .getResources("classpath*:" + PACKAGE.replace('.', '/') + "/**/*.class");
    Map<String, Integer> counts = new HashMap<>();
    for (Resource each : classes) {
      String file = each.getFilename();
      if (file == null) {
        continue;
      }
      String binaryName = file.substring(0, file.length() - ".class".length());
      String simple = binaryName.substring(binaryName.lastIndexOf('$') + 1);
      if (!simple.isEmpty() && !Character.isDigit(simple.charAt(0))) {
        counts.merge(simple, 1, Integer::sum);
      }
    }
    Set<String> shared = new HashSet<>();
    counts.forEach(
        (name, count) -> {
          if (count > 1) {
            shared.add(name);
          }
        });
    return shared;
  }

  static final class Resolver extends TypeNameResolver {

    private final Set<String> shared;

    Resolver(Set<String> shared) {
      this.shared = shared;
    }

    @Override
    protected String getNameOfClass(Class<?> cls) {
      String name = super.getNameOfClass(cls);
      if (cls.getName().startsWith(PACKAGE + ".") && shared.contains(cls.getSimpleName())) {
        StringBuilder qualified = new StringBuilder(cls.getSimpleName());
        for (Class<?> outer = cls.getEnclosingClass();
            outer != null;
            outer = outer.getEnclosingClass()) {
          qualified.insert(0, outer.getSimpleName());
        }
        return qualified.toString();
      }
      return name;
    }
  }
}
