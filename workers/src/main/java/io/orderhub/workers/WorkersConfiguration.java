package io.orderhub.workers;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the forward and return job workers of this module. Needs the domain ({@code
 * DomainConfiguration}) and the Camunda Spring Boot starter's client ({@code
 * camunda.client.rest-address} / {@code camunda.client.grpc-address}).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = WorkersConfiguration.class)
public class WorkersConfiguration {}
