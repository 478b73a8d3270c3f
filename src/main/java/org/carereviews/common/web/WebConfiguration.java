package org.carereviews.common.web;

import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Request parameters read like people type them: {@code stage=identified} as well as {@code IDENTIFIED}. */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

  @Override
  public void addFormatters(FormatterRegistry registry) {
    // Boot's lenient enum conversion (case and '-'/'_' insensitive), among its other application converters.
    ApplicationConversionService.addApplicationConverters(registry);
  }
}
