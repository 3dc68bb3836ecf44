package io.orderhub.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.server.ResponseStatusException;

/**
 * The built-in issuer exists in the local profile only — switched on or not, no other profile gets
 * its key, its decoder or its token endpoint — and hands tokens to this machine only.
 */
class LocalOnlyTest {

  @TempDir Path data;

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(AccessProperties.class)
  static class Properties {}

  private ApplicationContextRunner runner(String profile) {
    return new ApplicationContextRunner()
        .withUserConfiguration(
            Properties.class, LocalIssuerConfiguration.class, LocalTokenController.class)
        .withInitializer(context -> context.getEnvironment().setActiveProfiles(profile))
        .withPropertyValues(
            "orderhub.security.local-issuer.enabled=true",
            "orderhub.security.local-issuer.key-file=" + data.resolve("key.pem"),
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:8081/local",
            "spring.security.oauth2.resourceserver.jwt.audiences=orderhub-api");
  }

  @Test
  void shouldNeverIssueTokensOutsideTheLocalProfile() {
    runner("production")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(LocalIssuer.class);
              assertThat(context).doesNotHaveBean(LocalTokenController.class);
              assertThat(context).doesNotHaveBean(JwtDecoder.class);
            });
    assertThat(data.resolve("key.pem")).doesNotExist();
  }

  @Test
  void shouldIssueTokensInTheLocalProfileThatItsDecoderTrusts() {
    runner("local")
        .run(
            context -> {
              LocalIssuer issuer = context.getBean(LocalIssuer.class);
              String token = issuer.issue("customer-1", List.of(Role.CUSTOMER), "customer-1");
              var jwt = context.getBean(JwtDecoder.class).decode(token);
              assertThat(jwt.getClaimAsString("customer_id")).isEqualTo("customer-1");
              assertThat(jwt.getAudience()).containsExactly("orderhub-api");
            });
    assertThat(data.resolve("key.pem")).exists();
  }

  @Test
  void shouldKeepItsKeyAcrossRestarts() {
    String[] first = new String[1];
    runner("local")
        .run(
            context ->
                first[0] =
                    context.getBean(LocalIssuer.class).issue("op", List.of(Role.OPERATOR), null));
    runner("local")
        .run(
            context ->
                assertThat(context.getBean(JwtDecoder.class).decode(first[0]).getSubject())
                    .isEqualTo("op"));
  }

  @Test
  void shouldHandTokensToThisMachineOnly() {
    runner("local")
        .run(
            context -> {
              LocalTokenController controller = context.getBean(LocalTokenController.class);
              MockHttpServletRequest remote = new MockHttpServletRequest();
              remote.setRemoteAddr("192.0.2.10");
              ResponseStatusException refused =
                  catchThrowableOfType(
                      ResponseStatusException.class,
                      () -> controller.rawToken(List.of("operator"), null, null, remote));
              assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

              MockHttpServletRequest local = new MockHttpServletRequest();
              local.setRemoteAddr("127.0.0.1");
              assertThat(controller.rawToken(List.of("operator"), null, null, local)).isNotBlank();
            });
  }
}
