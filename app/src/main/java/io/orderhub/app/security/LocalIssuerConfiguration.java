package io.orderhub.app.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The built-in issuer of the local profile (on by {@code orderhub.security.local-issuer.enabled} in
 * application-local.properties). Its decoder replaces Spring Boot's, which would otherwise trust
 * the issuer configured by {@code spring.security.oauth2.resourceserver.jwt.*}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
@ConditionalOnBooleanProperty("orderhub.security.local-issuer.enabled")
public class LocalIssuerConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(LocalIssuerConfiguration.class);

  @Bean
  LocalIssuer localIssuer(
      AccessProperties properties,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer,
      @Value("${spring.security.oauth2.resourceserver.jwt.audiences:}") List<String> audiences) {
    AccessProperties.LocalIssuerSettings settings = properties.localIssuer();
    LocalIssuer local =
        LocalIssuer.load(settings.keyFile(), issuer, audiences, settings.tokenTtl());
    LOG.info(
        "Local token issuer {} (key {}): POST /local/token?role=operator from this machine gives a"
            + " token; see the README, \"Authentication\"",
        issuer,
        settings.keyFile().toAbsolutePath());
    return local;
  }

  @Bean
  JwtDecoder localIssuerDecoder(LocalIssuer issuer) {
    return issuer.decoder();
  }
}
