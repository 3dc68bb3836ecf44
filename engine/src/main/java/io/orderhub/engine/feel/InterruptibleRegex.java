package io.orderhub.engine.feel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.feel.context.JavaFunction;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValBoolean;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValList;
import org.camunda.feel.syntaxtree.ValString;
import scala.jdk.javaapi.CollectionConverters;

/**
 * FEEL's regular-expression functions ({@code matches}, {@code replace}, {@code split}, {@code
 * extract}) with the feel-engine 1.19 meaning (Java patterns, flags {@code s m i x}, {@code find}
 * semantics for {@code matches}), but reading their input through a {@link CharSequence} that gives
 * up when the thread is interrupted.
 *
 * <p>{@link java.util.regex} never looks at the interrupt flag, so a backtracking pattern such as
 * {@code (.*a){20}b} would keep the feel-engine's own functions running for hours after the time
 * budget asked them to stop.
 */
final class InterruptibleRegex {

  /** The functions by FEEL name; several arities share a name. */
  static final List<String> NAMES = List.of("matches", "replace", "split", "extract");

  List<JavaFunction> functions(String name) {
    return switch (name) {
      case "matches" ->
          List.of(
              function(List.of("input", "pattern"), a -> matches(a.get(0), a.get(1), null)),
              function(
                  List.of("input", "pattern", "flags"),
                  a -> matches(a.get(0), a.get(1), a.get(2))));
      case "replace" ->
          List.of(
              function(
                  List.of("input", "pattern", "replacement"),
                  a -> replace(a.get(0), a.get(1), a.get(2), null)),
              function(
                  List.of("input", "pattern", "replacement", "flags"),
                  a -> replace(a.get(0), a.get(1), a.get(2), a.get(3))));
      case "split" ->
          List.of(function(List.of("string", "delimiter"), a -> split(a.get(0), a.get(1))));
      case "extract" ->
          List.of(function(List.of("string", "pattern"), a -> extract(a.get(0), a.get(1))));
      default -> List.of();
    };
  }

  private static JavaFunction function(List<String> parameters, Function<List<Val>, Val> body) {
    return new JavaFunction(
        parameters,
        arguments -> {
          try {
            return body.apply(arguments);
          } catch (PatternSyntaxException invalid) {
            return new ValError("invalid pattern: " + invalid.getDescription());
          } catch (Interrupted stopped) {
            // the interrupt flag is still set: the interpreter stops at its next step
            return new ValError("the evaluation was interrupted");
          }
        });
  }

  private static Val matches(Val input, Val pattern, Val flags) {
    if (!(input instanceof ValString text) || !(pattern instanceof ValString regex)) {
      return illegal(input, pattern);
    }
    return new ValBoolean(matcher(regex, flags, text).find());
  }

  private static Val replace(Val input, Val pattern, Val replacement, Val flags) {
    if (!(input instanceof ValString text)
        || !(pattern instanceof ValString regex)
        || !(replacement instanceof ValString with)) {
      return illegal(input, pattern, replacement);
    }
    return new ValString(matcher(regex, flags, text).replaceAll(with.value()));
  }

  private static Val split(Val string, Val delimiter) {
    if (!(string instanceof ValString text) || !(delimiter instanceof ValString regex)) {
      return illegal(string, delimiter);
    }
    String[] parts = Pattern.compile(regex.value()).split(new InterruptibleText(text.value()), -1);
    List<Val> values = new ArrayList<>(parts.length);
    for (String part : parts) {
      values.add(new ValString(part));
    }
    return new ValList(CollectionConverters.asScala(values).toList());
  }

  private static Val extract(Val string, Val pattern) {
    if (!(string instanceof ValString text) || !(pattern instanceof ValString regex)) {
      return illegal(string, pattern);
    }
    Matcher matcher = matcher(regex, null, text);
    List<Val> found = new ArrayList<>();
    while (matcher.find()) {
      found.add(new ValString(matcher.group()));
    }
    return new ValList(CollectionConverters.asScala(found).toList());
  }

  private static Matcher matcher(ValString regex, Val flags, ValString text) {
    int bits = 0;
    if (flags instanceof ValString given) {
      String f = given.value();
      bits |= f.contains("s") ? Pattern.DOTALL : 0;
      bits |= f.contains("m") ? Pattern.MULTILINE : 0;
      bits |= f.contains("i") ? Pattern.CASE_INSENSITIVE : 0;
      bits |= f.contains("x") ? Pattern.COMMENTS : 0;
    }
    return Pattern.compile(regex.value(), bits).matcher(new InterruptibleText(text.value()));
  }

  private static ValError illegal(Val... arguments) {
    List<String> shown = new ArrayList<>();
    for (Val argument : arguments) {
      shown.add(String.valueOf(argument));
    }
    return new ValError("Illegal arguments: " + shown);
  }

  /** Thrown out of the regex engine when the evaluating thread was interrupted. */
  private static final class Interrupted extends RuntimeException {
    Interrupted() {
      super(null, null, false, false);
    }
  }

  /** A string whose reads give up once the thread is interrupted; the regex engine reads it. */
  private record InterruptibleText(String text) implements CharSequence {

    @Override
    public char charAt(int index) {
      // a volatile read per character: cheap next to the backtracking it bounds
      if (Thread.currentThread().isInterrupted()) {
        throw new Interrupted();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
