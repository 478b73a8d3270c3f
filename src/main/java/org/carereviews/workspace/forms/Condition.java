package org.carereviews.workspace.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A FEEL expression of the small kind Camunda Forms use to hide a component ({@code
 * conditional.hide}), evaluated by the server on the current values. Understood: names, strings,
 * numbers, {@code true}, {@code false}, {@code null}, lists {@code [..]}, {@code =}, {@code !=},
 * {@code <}, {@code <=}, {@code >}, {@code >=}, {@code and}, {@code or}, {@code not(..)}, {@code
 * list contains(list, x)} and parentheses. Anything else (other functions, paths, arithmetic,
 * ranges) is refused when the form is loaded, so a form never runs with a guess at what its author
 * meant.
 *
 * <p>Like FEEL: a comparison with {@code null} is true only for {@code null}; values of different
 * kinds are neither equal nor unequal (null); {@code and}/{@code or} are three-valued. The
 * component is hidden only when the result is {@code true}.
 */
public final class Condition {

  private final String source;
  private final Node root;

  private Condition(String source, Node root) {
    this.source = source;
    this.root = root;
  }

  /**
   * Reads an expression as written in a form ({@code =outcome != "END"}; the leading {@code =} is
   * optional).
   *
   * @throws FormDefinitionException naming what is not understood
   */
  public static Condition parse(String expression) {
    String text = expression.strip();
    String body = text.startsWith("=") ? text.substring(1) : text;
    Parser parser = new Parser(body, text);
    Node root = parser.expression();
    parser.expectEnd();
    return new Condition(text, root);
  }

  /** The expression as written. */
  public String source() {
    return source;
  }

  /** Whether the expression is true for these values (a name without a value is null). */
  public boolean isTrue(Function<String, Object> values) {
    return Boolean.TRUE.equals(root.evaluate(values));
  }

  /** The names the expression reads. */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    root.collectNames(names);
    return names;
  }

  /**
   * The expression as a tree of plain values ({@code ["or", a, b]}, {@code ["name", "x"]}, {@code
   * ["lit", v]}), for the page's script to re-evaluate as the user types.
   */
  public Object tree() {
    return root.tree();
  }

  @Override
  public String toString() {
    return source;
  }

  // --- values ------------------------------------------------------------------------------------

  /** A value as FEEL compares it: numbers as BigDecimal, lists as lists, the rest as they are. */
  static Object normalized(Object value) {
    if (value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Number number) {
      try {
        return new BigDecimal(number.toString());
      } catch (NumberFormatException notFinite) {
        return null;
      }
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(Condition::normalized).toList();
    }
    if (value instanceof Object[] items) {
      return List.of(items).stream().map(Condition::normalized).toList();
    }
    return value;
  }

  /** FEEL's {@code =}: true, false or null (values of different kinds). */
  static Boolean equal(Object left, Object right) {
    if (left == null || right == null) {
      return left == null && right == null;
    }
    if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
      return a.compareTo(b) == 0;
    }
    if (left instanceof List<?> a && right instanceof List<?> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!Boolean.TRUE.equals(equal(a.get(i), b.get(i)))) {
          return false;
        }
      }
      return true;
    }
    if (left.getClass() == right.getClass()) {
      return left.equals(right);
    }
    return null;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Boolean compare(String op, Object left, Object right) {
    if (op.equals("=")) {
      return equal(left, right);
    }
    if (op.equals("!=")) {
      Boolean equal = equal(left, right);
      return equal == null ? null : !equal;
    }
    if (left == null
        || right == null
        || !(left instanceof Comparable)
        || left.getClass() != right.getClass()) {
      return null;
    }
    int order = ((Comparable) left).compareTo(right);
    return switch (op) {
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      default -> order >= 0;
    };
  }

  // --- the tree ----------------------------------------------------------------------------------

  private interface Node {
    Object evaluate(Function<String, Object> values);

    default void collectNames(Set<String> names) {}

    Object tree();
  }

  private record Literal(Object value) implements Node {
    public Object evaluate(Function<String, Object> values) {
      return value;
    }

    public Object tree() {
      return Arrays.asList("lit", value);
    }
  }

  private record Name(String name) implements Node {
    public Object evaluate(Function<String, Object> values) {
      return normalized(values.apply(name));
    }

    public void collectNames(Set<String> names) {
      names.add(name);
    }

    public Object tree() {
      return List.of("name", name);
    }
  }

  private record ListOf(List<Node> items) implements Node {
    public Object evaluate(Function<String, Object> values) {
      List<Object> result = new ArrayList<>();
      items.forEach(item -> result.add(item.evaluate(values)));
      return result;
    }

    public void collectNames(Set<String> names) {
      items.forEach(item -> item.collectNames(names));
    }

    public Object tree() {
      List<Object> tree = new ArrayList<>();
      tree.add("list");
      items.forEach(item -> tree.add(item.tree()));
      return tree;
    }
  }

  private record Compare(String op, Node left, Node right) implements Node {
    public Object evaluate(Function<String, Object> values) {
      return compare(op, left.evaluate(values), right.evaluate(values));
    }

    public void collectNames(Set<String> names) {
      left.collectNames(names);
      right.collectNames(names);
    }

    public Object tree() {
      return List.of(op, left.tree(), right.tree());
    }
  }

  /** {@code and} / {@code or}, three-valued as in FEEL. */
  private record Junction(boolean and, List<Node> parts) implements Node {
    public Object evaluate(Function<String, Object> values) {
      boolean unknown = false;
      for (Node part : parts) {
        Object value = part.evaluate(values);
        if (Boolean.valueOf(!and).equals(value)) {
          return !and;
        }
        if (!(value instanceof Boolean)) {
          unknown = true;
        }
      }
      return unknown ? null : and;
    }

    public void collectNames(Set<String> names) {
      parts.forEach(part -> part.collectNames(names));
    }

    public Object tree() {
      List<Object> tree = new ArrayList<>();
      tree.add(and ? "and" : "or");
      parts.forEach(part -> tree.add(part.tree()));
      return tree;
    }
  }

  private record Not(Node operand) implements Node {
    public Object evaluate(Function<String, Object> values) {
      Object value = operand.evaluate(values);
      return value instanceof Boolean bool ? !bool : null;
    }

    public void collectNames(Set<String> names) {
      operand.collectNames(names);
    }

    public Object tree() {
      return List.of("not", operand.tree());
    }
  }

  private record ListContains(Node list, Node item) implements Node {
    public Object evaluate(Function<String, Object> values) {
      Object candidates = list.evaluate(values);
      if (!(candidates instanceof List<?> items)) {
        return null;
      }
      Object wanted = item.evaluate(values);
      return items.stream().anyMatch(candidate -> Boolean.TRUE.equals(equal(candidate, wanted)));
    }

    public void collectNames(Set<String> names) {
      list.collectNames(names);
      item.collectNames(names);
    }

    public Object tree() {
      return List.of("contains", list.tree(), item.tree());
    }
  }

  // --- the parser --------------------------------------------------------------------------------

  private static final class Parser {
    private final String text;
    private final String expression;
    private int at;

    Parser(String text, String expression) {
      this.text = text;
      this.expression = expression;
    }

    Node expression() {
      List<Node> parts = new ArrayList<>();
      parts.add(conjunction());
      while (keyword("or")) {
        parts.add(conjunction());
      }
      return parts.size() == 1 ? parts.get(0) : new Junction(false, parts);
    }

    private Node conjunction() {
      List<Node> parts = new ArrayList<>();
      parts.add(comparison());
      while (keyword("and")) {
        parts.add(comparison());
      }
      return parts.size() == 1 ? parts.get(0) : new Junction(true, parts);
    }

    private Node comparison() {
      Node left = operand();
      skipBlanks();
      for (String op : List.of("!=", "<=", ">=", "=", "<", ">")) {
        if (text.startsWith(op, at)) {
          at += op.length();
          return new Compare(op, left, operand());
        }
      }
      return left;
    }

    private Node operand() {
      skipBlanks();
      if (at >= text.length()) {
        throw refused("it ends where a value was expected");
      }
      char c = text.charAt(at);
      if (c == '(') {
        at++;
        Node inner = expression();
        expect(')');
        return inner;
      }
      if (c == '"') {
        return new Literal(string());
      }
      if (c == '[') {
        at++;
        List<Node> items = new ArrayList<>();
        skipBlanks();
        if (!peek(']')) {
          do {
            items.add(expression());
          } while (accept(','));
        }
        expect(']');
        return new ListOf(items);
      }
      if (Character.isDigit(c)
          || (c == '-' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1)))) {
        return new Literal(number());
      }
      if (Character.isLetter(c) || c == '_') {
        String word = word();
        switch (word) {
          case "true":
            return new Literal(Boolean.TRUE);
          case "false":
            return new Literal(Boolean.FALSE);
          case "null":
            return new Literal(null);
          case "not":
            expect('(');
            Node negated = expression();
            expect(')');
            return new Not(negated);
          case "list":
            if (keyword("contains")) {
              expect('(');
              Node list = expression();
              expect(',');
              Node item = expression();
              expect(')');
              return new ListContains(list, item);
            }
            break;
          default:
            break;
        }
        skipBlanks();
        if (peek('(')) {
          throw refused(
              "the function '"
                  + word
                  + "' is not supported (only not(..) and list contains(..) are)");
        }
        if (peek('.')) {
          throw refused("paths such as '" + word + ".x' are not supported");
        }
        return new Name(word);
      }
      throw refused("'" + c + "' is not understood");
    }

    private String string() {
      StringBuilder value = new StringBuilder();
      at++;
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return value.toString();
        }
        if (c == '\\' && at < text.length()) {
          c = text.charAt(at++);
        }
        value.append(c);
      }
      throw refused("a string is not closed");
    }

    private BigDecimal number() {
      int start = at;
      at++;
      while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
        at++;
      }
      try {
        return new BigDecimal(text.substring(start, at));
      } catch (NumberFormatException e) {
        throw refused("'" + text.substring(start, at) + "' is not a number");
      }
    }

    private String word() {
      int start = at;
      while (at < text.length()
          && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
        at++;
      }
      return text.substring(start, at);
    }

    private boolean keyword(String word) {
      skipBlanks();
      int end = at + word.length();
      if (text.startsWith(word, at)
          && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
        at = end;
        return true;
      }
      return false;
    }

    private boolean peek(char c) {
      skipBlanks();
      return at < text.length() && text.charAt(at) == c;
    }

    private boolean accept(char c) {
      if (peek(c)) {
        at++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (!accept(c)) {
        throw refused("'" + c + "' was expected at position " + (at + 1));
      }
    }

    void expectEnd() {
      skipBlanks();
      if (at < text.length()) {
        throw refused("'" + text.substring(at) + "' is not understood");
      }
    }

    private void skipBlanks() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    private FormDefinitionException refused(String why) {
      return new FormDefinitionException(
          "the expression " + expression + " cannot be evaluated: " + why);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Condition condition && condition.source.equals(source);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source);
  }
}
