import StaticResolver from 'bpmnlint/lib/resolver/static-resolver';

/**
 * Our own bpmnlint rules: what Camunda 8.9 accepts but Order Hub's engine does not execute (see
 * engine/README.md, "Supported BPMN"). They run next to @camunda/linting's compatibility rules so
 * an analyst learns before deploying, on the element, instead of from a rejected deployment.
 */
const UNSUPPORTED_TYPES: Record<string, string> = {
  'bpmn:ComplexGateway': 'Complex gateways are not supported by the Order Hub engine',
  'bpmn:AdHocSubProcess': 'Ad-hoc subprocesses are not supported by the Order Hub engine',
  'bpmn:Transaction': 'Transaction subprocesses are not supported by the Order Hub engine'
};

function isAny(node: any, types: string[]): boolean {
  return types.some((t) => node.$instanceOf?.(t));
}

export function noUnsupportedElement() {
  function check(node: any, reporter: any) {
    for (const [type, message] of Object.entries(UNSUPPORTED_TYPES)) {
      if (node.$type === type) {
        reporter.report(node.id, message);
      }
    }
  }
  return { check };
}

/** Timer cycles as cron expressions: the engine supports ISO 8601 repetitions only. */
export function noCronTimer() {
  function check(node: any, reporter: any) {
    if (!isAny(node, ['bpmn:TimerEventDefinition'])) {
      return;
    }
    const cycle: string | undefined = node.timeCycle?.body;
    if (cycle && !cycle.trim().startsWith('=') && !/^R/i.test(cycle.trim())) {
      const owner = node.$parent;
      reporter.report(owner?.id ?? node.id, 'Timer cycles must be ISO 8601 repetitions (R[n]/...); cron is not supported by the Order Hub engine');
    }
  }
  return { check };
}

/** A compensation start event in an event subprocess deploys but is never triggered by the engine. */
export function noCompensationStart() {
  function check(node: any, reporter: any) {
    if (node.$type !== 'bpmn:StartEvent') {
      return;
    }
    if ((node.eventDefinitions ?? []).some((d: any) => d.$type === 'bpmn:CompensateEventDefinition')) {
      reporter.report(node.id, 'Compensation start events are accepted but never triggered by the Order Hub engine');
    }
  }
  return { check };
}

export const orderhubLintPlugin = {
  config: {
    rules: {
      'orderhub/no-unsupported-element': 'error',
      'orderhub/no-cron-timer': 'error',
      'orderhub/no-compensation-start': 'warn'
    }
  },
  resolver: new StaticResolver({
    'rule:bpmnlint-plugin-orderhub/no-unsupported-element': noUnsupportedElement,
    'rule:bpmnlint-plugin-orderhub/no-cron-timer': noCronTimer,
    'rule:bpmnlint-plugin-orderhub/no-compensation-start': noCompensationStart
  })
};
