package io.orderhub.engine.decision;

import io.orderhub.engine.api.DecisionEvaluationResult.EvaluatedInput;
import io.orderhub.engine.api.DecisionEvaluationResult.EvaluatedOutput;
import io.orderhub.engine.api.DecisionEvaluationResult.MatchedRule;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.dmn.Audit;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedContext;
import org.camunda.dmn.parser.ParsedDecision;
import org.camunda.dmn.parser.ParsedDecisionLogic;
import org.camunda.dmn.parser.ParsedDecisionTable;
import org.camunda.dmn.parser.ParsedDmn;
import org.camunda.dmn.parser.ParsedFunctionDefinition;
import org.camunda.dmn.parser.ParsedInvocation;
import org.camunda.dmn.parser.ParsedList;
import org.camunda.dmn.parser.ParsedLiteralExpression;
import org.camunda.dmn.parser.ParsedRelation;
import org.camunda.dmn.parser.ParsedRule;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.FeelEngineClock;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.valuemapper.ValueMapper;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either;

/**
 * Reads DMN resources and evaluates their decisions with dmn-scala (Apache-2.0), the DMN engine
 * Zeebe's own documentation describes; it runs FEEL on the same feel-engine the rest of the engine
 * uses. {@code now()} in a decision follows the engine clock.
 *
 * <p>Not thread-safe: parsed resources are cached for the processing thread, which is the only
 * caller (deployments and evaluations are commands).
 */
public final class DecisionEvaluator {

  /** Zeebe's namespace; decisions carry their version tag as {@code zeebe:versionTag}. */
  private static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";

  private final DmnEngine dmn;
  private final ValueMapper values = FeelEngine.defaultValueMapper();

  /** Decision requirements key -> parsed resource: a resource is parsed once per engine run. */
  private final Map<Long, ParsedDmn> parsed = new HashMap<>();

  public DecisionEvaluator(LongSupplier clockMillis) {
    FeelEngineClock clock =
        () ->
            ZonedDateTime.ofInstant(Instant.ofEpochMilli(clockMillis.getAsLong()), ZoneOffset.UTC);
    this.dmn = new DmnEngine.Builder().clock(clock).build();
  }

  /** Checks a resource the way deployment needs: it parses, has an id and at least a decision. */
  public DmnResource read(byte[] resource) {
    ParsedDmn result;
    try {
      result = parse(resource);
    } catch (IllegalArgumentException e) {
      return DmnResource.failed(e.getMessage());
    }
    DmnModelInstance model = result.model();
    Definitions definitions = model.getDefinitions();
    if (definitions.getId() == null || definitions.getId().isBlank()) {
      return DmnResource.failed("the DMN definitions have no id");
    }
    List<DmnResource.DecisionInfo> decisions = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (var element : definitions.getDrgElements()) {
      if (element instanceof Decision decision) {
        if (decision.getId() == null || decision.getId().isBlank()) {
          return DmnResource.failed("a decision has no id");
        }
        if (!ids.add(decision.getId())) {
          return DmnResource.failed("duplicated decision id '%s'".formatted(decision.getId()));
        }
        decisions.add(
            new DmnResource.DecisionInfo(
                decision.getId(), decision.getName(), versionTag(decision)));
      }
    }
    if (decisions.isEmpty()) {
      return DmnResource.failed("the DMN contains no decision");
    }
    return new DmnResource(definitions.getId(), definitions.getName(), decisions, null);
  }

  /**
   * Evaluates a decision of a deployed resource against the variables. Never throws for a bad
   * decision or bad input: the outcome carries the failure.
   */
  public DecisionOutcome evaluate(
      long decisionRequirementsKey,
      byte[] resource,
      String decisionId,
      Map<String, Object> variables) {
    ParsedDmn model;
    try {
      model = parsed.computeIfAbsent(decisionRequirementsKey, key -> parse(resource));
    } catch (IllegalArgumentException e) {
      return new DecisionOutcome(null, List.of(), decisionId, e.getMessage());
    }
    Either<DmnEngine.EvalFailure, DmnEngine.EvalResult> result;
    try {
      result = dmn.eval(model, decisionId, variables);
    } catch (RuntimeException e) {
      // dmn-scala reports failures as values; an exception is its bug, still the decision's failure
      return new DecisionOutcome(null, List.of(), decisionId, String.valueOf(e));
    }
    if (result.isRight()) {
      DmnEngine.EvalResult success = result.toOption().get();
      return new DecisionOutcome(
          Values.toJava(success.value()), evaluated(model, success.auditLog()), null, null);
    }
    DmnEngine.EvalFailure failure = result.swap().toOption().get();
    List<DecisionOutcome.Evaluated> evaluated = new ArrayList<>();
    String failedDecisionId = decisionId;
    for (Audit.AuditLogEntry entry : CollectionConverters.asJava(failure.auditLog().entries())) {
      if (entry.result().result() instanceof ValError) {
        failedDecisionId = entry.id();
        break;
      }
    }
    for (DecisionOutcome.Evaluated decision : evaluated(model, failure.auditLog())) {
      if (!decision.decisionId().equals(failedDecisionId)) {
        evaluated.add(decision);
      }
    }
    return new DecisionOutcome(null, evaluated, failedDecisionId, failure.failure().message());
  }

  private ParsedDmn parse(byte[] resource) {
    Either<DmnEngine.Failure, ParsedDmn> result;
    try {
      result = dmn.parse(new ByteArrayInputStream(resource));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("is not valid DMN: " + e.getMessage(), e);
    }
    if (result.isLeft()) {
      throw new IllegalArgumentException(result.swap().toOption().get().message());
    }
    return result.toOption().get();
  }

  private List<DecisionOutcome.Evaluated> evaluated(ParsedDmn model, Audit.AuditLog log) {
    Map<String, ParsedDecision> decisions = CollectionConverters.asJava(model.decisionsById());
    List<DecisionOutcome.Evaluated> result = new ArrayList<>();
    for (Audit.AuditLogEntry entry : CollectionConverters.asJava(log.entries())) {
      ParsedDecision decision = decisions.get(entry.id());
      if (decision == null || entry.decisionLogic() != decision.logic()) {
        continue; // a business knowledge model, not a decision
      }
      List<EvaluatedInput> inputs = new ArrayList<>();
      List<MatchedRule> rules = new ArrayList<>();
      if (entry.result() instanceof Audit.DecisionTableEvaluationResult table
          && decision.logic() instanceof ParsedDecisionTable definition) {
        for (Audit.EvaluatedInput input : CollectionConverters.asJava(table.inputs())) {
          String name = input.input().name() == null ? input.input().id() : input.input().name();
          inputs.add(new EvaluatedInput(input.input().id(), name, value(input.value())));
        }
        List<ParsedRule> allRules = new ArrayList<>();
        CollectionConverters.asJava(definition.rules()).forEach(allRules::add);
        for (Audit.EvaluatedRule rule : CollectionConverters.asJava(table.matchedRules())) {
          List<EvaluatedOutput> outputs = new ArrayList<>();
          for (Audit.EvaluatedOutput output : CollectionConverters.asJava(rule.outputs())) {
            outputs.add(
                new EvaluatedOutput(
                    output.output().id(), output.output().name(), value(output.value())));
          }
          rules.add(new MatchedRule(rule.rule().id(), allRules.indexOf(rule.rule()) + 1, outputs));
        }
      }
      result.add(
          new DecisionOutcome.Evaluated(
              decision.id(),
              decision.name(),
              typeOf(decision.logic()),
              value(entry.result().result()),
              inputs,
              rules));
    }
    return result;
  }

  private Object value(Val value) {
    return Values.toJava(values.unpackVal(value));
  }

  /** Zeebe's names for the kinds of decision logic. */
  private static String typeOf(ParsedDecisionLogic logic) {
    return switch (logic) {
      case ParsedDecisionTable ignored -> "DECISION_TABLE";
      case ParsedLiteralExpression ignored -> "LITERAL_EXPRESSION";
      case ParsedContext ignored -> "CONTEXT";
      case ParsedList ignored -> "LIST";
      case ParsedRelation ignored -> "RELATION";
      case ParsedInvocation ignored -> "INVOCATION";
      case ParsedFunctionDefinition ignored -> "FUNCTION_DEFINITION";
      default -> "UNKNOWN";
    };
  }

  /** The decision's {@code <zeebe:versionTag value="..."/>} extension, or null. */
  private static String versionTag(Decision decision) {
    if (decision.getExtensionElements() == null) {
      return null;
    }
    for (DomElement child : decision.getExtensionElements().getDomElement().getChildElements()) {
      if (ZEEBE_NS.equals(child.getNamespaceURI()) && "versionTag".equals(child.getLocalName())) {
        String value = child.getAttribute("value");
        return value == null || value.isBlank() ? null : value;
      }
    }
    return null;
  }
}
