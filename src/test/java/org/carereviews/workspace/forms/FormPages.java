package org.carereviews.workspace.forms;

import java.util.Locale;
import java.util.Map;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.IWebExchange;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders a form inside a minimal page
 * (src/test/resources/templates/workspace/forms/test-page.html) with a real Thymeleaf engine and
 * Spring's expression language, as the application renders templates.
 */
final class FormPages {

  private static final SpringTemplateEngine ENGINE = engine();

  private FormPages() {}

  static String render(FormDefinition form, FormAnswers values, FormErrors errors) {
    // A web context, as in the application: the script's link is context-relative.
    JakartaServletWebApplication application =
        JakartaServletWebApplication.buildApplication(new MockServletContext());
    IWebExchange exchange =
        application.buildExchange(
            new MockHttpServletRequest("GET", "/workspace/tasks/1"), new MockHttpServletResponse());
    WebContext context =
        new WebContext(
            exchange,
            Locale.UK,
            Map.of("title", "Task " + form.id(), "form", form, "values", values, "errors", errors));
    return ENGINE.process("workspace/forms/test-page", context);
  }

  private static SpringTemplateEngine engine() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setEnableSpringELCompiler(true);
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
