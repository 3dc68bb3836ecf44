package io.orderhub.app.local;

import io.orderhub.domain.inventory.application.InventoryService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class LocalConfiguration {

  @Bean
  @ConditionalOnProperty(name = "orderhub.demo.seed-stock", havingValue = "true")
  DemoStock demoStock(InventoryService inventory) {
    return new DemoStock(inventory);
  }
}
