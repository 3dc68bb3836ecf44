package io.orderhub.compensation;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Registers the compensation workers. Needs the domain and the Camunda starter's client. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = CompensationConfiguration.class)
public class CompensationConfiguration {}
