package io.orderhub.app.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Tomcat answers its own errors with {@link ProblemErrorReportValve}, not an HTML page. */
@Configuration(proxyBeanMethods = false)
public class ContainerErrorsConfiguration {

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE) // after Boot's customizer, which adds its own report valve
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              Host host = (Host) context.getParent();
              for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                  host.getPipeline().removeValve(valve);
                }
              }
              host.getPipeline().addValve(new ProblemErrorReportValve());
              if (host instanceof StandardHost standard) {
                // so that the host does not add Tomcat's own report valve when it starts
                standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
              }
            });
  }
}
