package io.orderhub.engine.processing;

import io.orderhub.engine.api.ProcessInstanceCreated;
import io.orderhub.engine.state.ElementInstance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Creations that wait for their instance's result (CreateProcessInstanceWithResult). Not durable:
 * like Zeebe's, a waiting client gets no result after a restart and times out.
 *
 * <p>Confined to the processing thread.
 */
final class ResultWaiters implements ElementBehaviors.ProcessResultListener {

  record Waiter(
      ProcessInstanceCreated created,
      List<String> fetchVariables,
      CompletableFuture<ProcessInstanceCreated> future) {}

  private final Map<Long, Waiter> waiters = new HashMap<>();

  void await(Waiter waiter) {
    waiters.put(waiter.created().processInstanceKey(), waiter);
  }

  @Override
  public void completed(ProcessingContext ctx, ElementInstance processInstance) {
    Waiter waiter = waiters.remove(processInstance.key());
    if (waiter == null) {
      return;
    }
    Map<String, Object> all = ctx.state().visibleVariables(processInstance.key());
    Map<String, Object> result;
    if (waiter.fetchVariables() == null || waiter.fetchVariables().isEmpty()) {
      result = new LinkedHashMap<>(all);
    } else {
      result = new LinkedHashMap<>();
      for (String name : waiter.fetchVariables()) {
        if (all.containsKey(name)) {
          result.put(name, all.get(name));
        }
      }
    }
    ProcessInstanceCreated c = waiter.created();
    ProcessInstanceCreated done =
        new ProcessInstanceCreated(
            c.processDefinitionKey(),
            c.bpmnProcessId(),
            c.version(),
            c.processInstanceKey(),
            c.tenantId(),
            c.tags(),
            c.businessId(),
            result);
    ctx.afterCommit(() -> waiter.future().complete(done));
  }

  void terminated(ProcessingContext ctx, long processInstanceKey) {
    Waiter waiter = waiters.remove(processInstanceKey);
    if (waiter != null) {
      ctx.afterCommit(
          () ->
              waiter
                  .future()
                  .completeExceptionally(
                      Rejections.invalidState(
                          "Expected process instance %d to complete, but it was terminated",
                          processInstanceKey)));
    }
  }

  void drop(long processInstanceKey) {
    waiters.remove(processInstanceKey);
  }

  List<Waiter> all() {
    return new ArrayList<>(waiters.values());
  }
}
