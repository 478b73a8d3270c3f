package org.carereviews.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.CurrentUser;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The workspace's Spring MVC parts: a {@link CareUser} parameter of a page's controller method is
 * the signed-in user; every page's model gets what the layout reads ({@link WorkspaceLayout});
 * refusals and errors of pages are GOV.UK pages ({@link WorkspaceErrors}).
 */
@Configuration
@EnableConfigurationProperties(WorkspaceProperties.class)
class WorkspaceWebConfiguration implements WebMvcConfigurer {

  private final WorkspaceLayout layout;
  private final CurrentUser currentUser;

  WorkspaceWebConfiguration(WorkspaceLayout layout, CurrentUser currentUser) {
    this.layout = layout;
    this.currentUser = currentUser;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(
        new HandlerMethodArgumentResolver() {
          @Override
          public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == CareUser.class
                && WorkspaceErrors.isPage(parameter.getContainingClass());
          }

          @Override
          public Object resolveArgument(
              MethodParameter parameter,
              ModelAndViewContainer container,
              NativeWebRequest request,
              WebDataBinderFactory binders) {
            return currentUser.get();
          }
        });
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(
        new HandlerInterceptor() {
          @Override
          public void postHandle(
              HttpServletRequest request,
              HttpServletResponse response,
              Object handler,
              ModelAndView view) {
            if (view != null
                && handler instanceof HandlerMethod method
                && WorkspaceErrors.isPage(method.getBeanType())
                && (view.getViewName() == null || !view.getViewName().startsWith("redirect:"))) {
              layout.fill(view.getModel(), request);
            }
          }
        });
  }

  @Override
  public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
    resolvers.add(0, new WorkspaceErrors(layout));
  }
}
