package org.carereviews.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request parameters read like people type them: {@code stage=identified} as well as {@code
 * IDENTIFIED}. Whole numbers in paths and parameters are plain decimal digits ({@code 12}, {@code
 * -1}); {@code +12}, {@code 0xC} or {@code 1e3} are refused, and a record id in a path ({@code
 * {id}}, {@code {personId}}...) is digits only.
 */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

  private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,19}");
  private static final Pattern RECORD_ID = Pattern.compile("[0-9]{1,18}");

  @Override
  public void addFormatters(FormatterRegistry registry) {
    // Boot's lenient enum conversion (case and '-'/'_' insensitive), among its other application
    // converters.
    ApplicationConversionService.addApplicationConverters(registry);
    registry.addConverter(
        String.class,
        Long.class,
        (Converter<String, Long>) text -> Long.valueOf(wholeNumber(text)));
    registry.addConverter(
        String.class,
        Integer.class,
        (Converter<String, Integer>) text -> Integer.valueOf(wholeNumber(text)));
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(
        new HandlerInterceptor() {
          @Override
          public boolean preHandle(
              HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (handler instanceof HandlerMethod
                && request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                    instanceof Map<?, ?> variables) {
              variables.forEach(
                  (name, value) -> {
                    String field = String.valueOf(name);
                    if ((field.equals("id") || field.endsWith("Id"))
                        && !RECORD_ID.matcher(String.valueOf(value)).matches()) {
                      throw new InvalidRequestException(
                          field, "must be a record id: digits only, such as 12");
                    }
                  });
            }
            return true;
          }
        });
  }

  private static String wholeNumber(String text) {
    if (text == null || !WHOLE_NUMBER.matcher(text).matches()) {
      throw new IllegalArgumentException("must be a whole number written in digits, such as 12");
    }
    return text;
  }
}
