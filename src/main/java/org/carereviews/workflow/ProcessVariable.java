package org.carereviews.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable declared once, with its type: a process's constants holder names each of its
 * variables this way, and delegates read and write them through it, never casting the engine's
 * {@code Object}. Numbers come back as the declared type whatever width the engine stored them in.
 *
 * @param <T> the variable's type in Java
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Class<T> type;
  private final Function<Object, T> convert;

  private ProcessVariable(String name, Class<T> type, Function<Object, T> convert) {
    this.name = Objects.requireNonNull(name);
    this.type = type;
    this.convert = convert;
  }

  /** A whole-number variable, such as a record's id. */
  public static ProcessVariable<Long> ofLong(String name) {
    return new ProcessVariable<>(
        name,
        Long.class,
        value ->
            value instanceof Number n ? n.longValue() : Long.valueOf(value.toString().strip()));
  }

  /** A whole-number variable that the engine keeps as an integer, such as a count. */
  public static ProcessVariable<Integer> ofInteger(String name) {
    return new ProcessVariable<>(
        name,
        Integer.class,
        value ->
            value instanceof Number n
                ? Math.toIntExact(n.longValue())
                : Integer.valueOf(value.toString().strip()));
  }

  /** A text variable. */
  public static ProcessVariable<String> ofString(String name) {
    return new ProcessVariable<>(name, String.class, Object::toString);
  }

  /** A yes-or-no variable (a form's checkbox may submit it as text). */
  public static ProcessVariable<Boolean> ofBoolean(String name) {
    return new ProcessVariable<>(
        name,
        Boolean.class,
        value -> value instanceof Boolean b ? b : Boolean.valueOf(value.toString().strip()));
  }

  /** A point in time, as the engine reads it for a timer or a task's due date. */
  public static ProcessVariable<Date> ofDate(String name) {
    return new ProcessVariable<>(
        name,
        Date.class,
        value ->
            value instanceof Date date ? date : Date.from(Instant.parse(value.toString().strip())));
  }

  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  /**
   * The variable's value in a scope (a delegate's execution or task), or null when it is not set.
   */
  public T read(VariableScope scope) {
    return from(scope.getVariable(name));
  }

  /** The variable's value in a scope; a missing value is a fault in the model, not the user's. */
  public T require(VariableScope scope) {
    T value = read(scope);
    if (value == null) {
      throw new IllegalStateException("process variable " + name + " is not set");
    }
    return value;
  }

  /** The variable's value among a map of variables, or null. */
  public T read(Map<String, ?> variables) {
    return from(variables.get(name));
  }

  /** Sets the variable in a scope (on the execution's own scope chain, as the engine does). */
  public void write(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  /**
   * Puts the variable into a map of variables for a start, a completion or a message; returns the
   * map.
   */
  public Map<String, Object> put(Map<String, Object> variables, T value) {
    variables.put(name, value);
    return variables;
  }

  T from(Object value) {
    return value == null ? null : convert.apply(value);
  }

  @Override
  public String toString() {
    return name + " (" + type.getSimpleName() + ")";
  }
}
