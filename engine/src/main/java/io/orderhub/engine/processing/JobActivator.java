package io.orderhub.engine.processing;

import io.orderhub.engine.api.ActivatedJob;
import io.orderhub.engine.record.EngineEvent.JobActivated;
import io.orderhub.engine.state.Job;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Activates activatable jobs for a worker and builds what the worker receives. */
final class JobActivator {

  /** Activates up to {@code max} jobs of a type; the worker holds them until the deadline. */
  List<ActivatedJob> activate(
      ProcessingContext ctx,
      String type,
      String worker,
      long timeoutMillis,
      int max,
      List<String> fetchVariables,
      List<String> tenantIds) {
    List<ActivatedJob> activated = new ArrayList<>();
    List<Long> candidates = new ArrayList<>(ctx.state().activatableJobs(type));
    for (Long key : candidates) {
      if (activated.size() >= max) {
        break;
      }
      Job job = ctx.state().job(key).orElseThrow();
      if (tenantIds != null && !tenantIds.isEmpty() && !tenantIds.contains(job.tenantId())) {
        continue;
      }
      activated.add(activateOne(ctx, job, worker, timeoutMillis, fetchVariables));
    }
    return activated;
  }

  ActivatedJob activateOne(
      ProcessingContext ctx,
      Job job,
      String worker,
      long timeoutMillis,
      List<String> fetchVariables) {
    long deadline = ctx.now() + timeoutMillis;
    ctx.write(new JobActivated(job.key(), worker, deadline));
    Map<String, Object> visible = ctx.state().visibleVariables(job.elementInstanceKey());
    Map<String, Object> variables;
    if (fetchVariables == null || fetchVariables.isEmpty()) {
      variables = visible;
    } else {
      variables = new LinkedHashMap<>();
      for (String name : fetchVariables) {
        if (visible.containsKey(name)) {
          variables.put(name, visible.get(name));
        }
      }
    }
    Set<String> tags =
        ctx.state()
            .elementInstance(job.processInstanceKey())
            .map(pi -> pi.tags() == null ? Set.<String>of() : pi.tags())
            .orElse(Set.of());
    return new ActivatedJob(
        job.key(),
        job.type(),
        job.processInstanceKey(),
        job.bpmnProcessId(),
        job.processDefinitionVersion(),
        job.processDefinitionKey(),
        job.elementId(),
        job.elementInstanceKey(),
        job.customHeaders(),
        worker,
        job.retries(),
        deadline,
        variables,
        job.tenantId(),
        tags);
  }
}
