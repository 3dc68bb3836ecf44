package io.orderhub.app.local;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;

/** Makes the beans of a type depend on an embedded server, so it starts first and stops last. */
final class DependsOn {

  private DependsOn() {}

  static BeanFactoryPostProcessor beansOfType(Class<?> type, String serverBean) {
    return beanFactory -> {
      for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
        if (name.equals(serverBean) || !beanFactory.containsBeanDefinition(name)) {
          continue;
        }
        BeanDefinition definition = beanFactory.getBeanDefinition(name);
        Set<String> dependsOn = new LinkedHashSet<>();
        if (definition.getDependsOn() != null) {
          dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
        }
        dependsOn.add(serverBean);
        definition.setDependsOn(dependsOn.toArray(String[]::new));
      }
    };
  }
}
