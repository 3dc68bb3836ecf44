package io.orderhub.engine.gateway.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluateDecisionRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.grpc.MethodDescriptor;
import io.orderhub.engine.security.ResourceType;
import io.orderhub.engine.security.ResourceType.Permission;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The permission each gateway method needs, in Camunda's terms, keyed by full method name. A method
 * missing here is refused (PERMISSION_DENIED) to everyone but an unrestricted caller.
 */
final class GrpcAccess {

  /** A null type: any authenticated caller may call the method. */
  record Requirement(
      ResourceType type, Permission permission, Function<Object, String> resourceId) {

    String resourceIdOf(Object request) {
      String id = resourceId.apply(request);
      return id == null || id.isEmpty() ? "*" : id;
    }
  }

  private static final Map<String, Requirement> RULES = new HashMap<>();

  static {
    on(GatewayGrpc.getTopologyMethod(), null, null);
    on(GatewayGrpc.getDeployProcessMethod(), ResourceType.RESOURCE, Permission.CREATE);
    on(GatewayGrpc.getDeployResourceMethod(), ResourceType.RESOURCE, Permission.CREATE);
    on(GatewayGrpc.getDeleteResourceMethod(), ResourceType.RESOURCE, Permission.DELETE_RESOURCE);
    on(
        GatewayGrpc.getCreateProcessInstanceMethod(),
        ResourceType.PROCESS_DEFINITION,
        Permission.CREATE_PROCESS_INSTANCE,
        r -> ((CreateProcessInstanceRequest) r).getBpmnProcessId());
    on(
        GatewayGrpc.getCreateProcessInstanceWithResultMethod(),
        ResourceType.PROCESS_DEFINITION,
        Permission.CREATE_PROCESS_INSTANCE,
        r -> ((CreateProcessInstanceWithResultRequest) r).getRequest().getBpmnProcessId());
    on(
        GatewayGrpc.getBroadcastSignalMethod(),
        ResourceType.PROCESS_DEFINITION,
        Permission.CREATE_PROCESS_INSTANCE);
    on(
        GatewayGrpc.getEvaluateConditionalMethod(),
        ResourceType.PROCESS_DEFINITION,
        Permission.CREATE_PROCESS_INSTANCE);
    on(
        GatewayGrpc.getCancelProcessInstanceMethod(),
        ResourceType.PROCESS_DEFINITION,
        Permission.CANCEL_PROCESS_INSTANCE);
    on(
        GatewayGrpc.getModifyProcessInstanceMethod(),
        ResourceType.PROCESS_DEFINITION,
        Permission.MODIFY_PROCESS_INSTANCE);
    for (MethodDescriptor<?, ?> update :
        new MethodDescriptor<?, ?>[] {
          GatewayGrpc.getMigrateProcessInstanceMethod(),
          GatewayGrpc.getSetVariablesMethod(),
          GatewayGrpc.getResolveIncidentMethod(),
          // workers: Camunda authorizes job work as updating the job's process instance
          GatewayGrpc.getActivateJobsMethod(),
          GatewayGrpc.getStreamActivatedJobsMethod(),
          GatewayGrpc.getCompleteJobMethod(),
          GatewayGrpc.getFailJobMethod(),
          GatewayGrpc.getThrowErrorMethod(),
          GatewayGrpc.getUpdateJobRetriesMethod(),
          GatewayGrpc.getUpdateJobTimeoutMethod()
        }) {
      on(update, ResourceType.PROCESS_DEFINITION, Permission.UPDATE_PROCESS_INSTANCE);
    }
    on(
        GatewayGrpc.getPublishMessageMethod(),
        ResourceType.MESSAGE,
        Permission.CREATE,
        r -> ((PublishMessageRequest) r).getName());
    on(
        GatewayGrpc.getEvaluateDecisionMethod(),
        ResourceType.DECISION_DEFINITION,
        Permission.CREATE_DECISION_INSTANCE,
        r -> ((EvaluateDecisionRequest) r).getDecisionId());
  }

  private GrpcAccess() {}

  /** The method's requirement, or null when the table lacks it (refused). */
  static Requirement of(String fullMethodName) {
    return RULES.get(fullMethodName);
  }

  private static void on(MethodDescriptor<?, ?> method, ResourceType type, Permission permission) {
    on(method, type, permission, r -> "*");
  }

  private static void on(
      MethodDescriptor<?, ?> method,
      ResourceType type,
      Permission permission,
      Function<Object, String> resourceId) {
    RULES.put(method.getFullMethodName(), new Requirement(type, permission, resourceId));
  }
}
