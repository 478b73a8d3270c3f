package org.carereviews.workspace.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms of the service ({@code forms/**}{@code /*.form} on the classpath, the files
 * Camunda deploys for Tasklist), read once at start-up and kept by form id. A form the workspace
 * cannot render faithfully stops the start-up with a message naming the form, the component and
 * what is wrong.
 */
@Component
public class FormDefinitions {

  /** Where Camunda's auto-deployment finds the forms, and so where the workspace reads them. */
  public static final String LOCATION = "classpath*:forms/**/*.form";

  private final Map<String, FormDefinition> byId;

  FormDefinitions() {
    this(new PathMatchingResourcePatternResolver(FormDefinitions.class.getClassLoader()));
  }

  FormDefinitions(ResourcePatternResolver resolver) {
    this.byId = Collections.unmodifiableMap(load(resolver));
  }

  /** The form with this id (a user task's {@code camunda:formRef}), if the service has one. */
  public Optional<FormDefinition> byId(String formId) {
    return Optional.ofNullable(byId.get(formId));
  }

  /** Every form, by id. */
  public Collection<FormDefinition> all() {
    return byId.values();
  }

  private static Map<String, FormDefinition> load(ResourcePatternResolver resolver) {
    FormParser parser = new FormParser();
    Map<String, FormDefinition> forms = new TreeMap<>();
    Resource[] resources;
    try {
      resources = resolver.getResources(LOCATION);
    } catch (IOException e) {
      throw new UncheckedIOException("the forms at " + LOCATION + " cannot be listed", e);
    }
    for (Resource resource : resources) {
      String source = source(resource);
      FormDefinition form;
      try (InputStream in = resource.getInputStream()) {
        form = parser.parse(source, in);
      } catch (IOException e) {
        throw new UncheckedIOException(source + " cannot be read", e);
      }
      FormDefinition earlier = forms.putIfAbsent(form.id(), form);
      if (earlier != null) {
        throw new FormDefinitionException(
            "the form id " + form.id() + " is used by both " + earlier.source() + " and " + source);
      }
    }
    return forms;
  }

  private static String source(Resource resource) {
    try {
      String url = resource.getURL().toString();
      int forms = url.lastIndexOf("forms/");
      return forms >= 0 ? url.substring(forms) : url;
    } catch (IOException e) {
      return String.valueOf(resource.getFilename());
    }
  }
}
