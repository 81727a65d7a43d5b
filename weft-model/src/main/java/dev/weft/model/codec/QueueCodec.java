package dev.weft.model.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.model.Share;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A queue tree: {@code {name, guarantee, max, weight, policy, agingPerMinute, perUserLimit,
 * children: [...]}}, the document being the root (whose name defaults to {@code root}). Checks
 * what can be checked without a cluster: names, a policy only on leaves, shares within 0-100%,
 * a guarantee within its max, and children's percentage guarantees adding up to at most 100%.
 */
final class QueueCodec {
  static final List<String> FIELDS =
      List.of("name", "guarantee", "max", "weight", "policy", "agingPerMinute", "perUserLimit", "children");
  private static final Pattern NAME = Pattern.compile("[a-z0-9_-]+");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private QueueCodec() {
  }

  static QueueSpec readTree(Located root) {
    return read(root, "root");
  }

  static ObjectNode write(QueueSpec q) {
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("name", q.name());
    if (!q.guarantee().equals(Share.NONE)) {
      out.set("guarantee", ShareCodec.write(q.guarantee()));
    }
    if (!q.max().equals(Share.ALL)) {
      out.set("max", ShareCodec.write(q.max()));
    }
    if (q.weight() != 1.0) {
      out.put("weight", BigDecimal.valueOf(q.weight()).stripTrailingZeros());
    }
    if (q.isLeaf()) {
      out.put("policy", q.policy().wire());
    }
    if (q.agingPerMinute() != QueueSpec.DEFAULT_AGING_PER_MINUTE) {
      out.put("agingPerMinute", BigDecimal.valueOf(q.agingPerMinute()).stripTrailingZeros());
    }
    if (!q.perUserLimit().equals(Share.ALL)) {
      out.set("perUserLimit", ShareCodec.write(q.perUserLimit()));
    }
    if (!q.isLeaf()) {
      ArrayNode children = out.putArray("children");
      q.children().forEach(c -> children.add(write(c)));
    }
    return out;
  }

  private static QueueSpec read(Located at, String defaultName) {
    if (!at.expectObject(FIELDS)) {
      return null;
    }
    String name = name(defaultName == null ? at.require("name") : at.field("name"));
    Share guarantee = ShareCodec.read(at.field("guarantee"));
    Share max = ShareCodec.read(at.field("max"));
    checkWithinMax(at.field("guarantee"), guarantee, max);
    BigDecimal weight = atLeast(at.field("weight"), false);
    BigDecimal aging = atLeast(at.field("agingPerMinute"), true);
    Share perUserLimit = ShareCodec.read(at.field("perUserLimit"));
    List<QueueSpec> children = children(at);
    PolicyName policy = policy(at);
    return new QueueSpec(name == null ? defaultName : name, guarantee, max, weight == null ? 1 : weight.doubleValue(),
        policy, children, perUserLimit,
        aging == null ? QueueSpec.DEFAULT_AGING_PER_MINUTE : aging.doubleValue());
  }

  private static String name(Located at) {
    String text = at.text();
    if (text != null && !NAME.matcher(text).matches()) {
      at.problem("invalid queue name " + Shown.node(at.node()) + " (use a-z, 0-9, '_' and '-')");
      return null;
    }
    return text;
  }

  /** A leaf's ordering policy (fcfs when absent); a parent orders nothing, so it takes none. */
  private static PolicyName policy(Located at) {
    Located policy = at.field("policy");
    boolean parent = at.field("children").node().size() > 0;
    if (parent && policy.isPresent()) {
      policy.problem("only leaf queues take a policy; this queue has children");
      return null;
    }
    return policy.scalar("a policy name", PolicyName::parse);
  }

  private static List<QueueSpec> children(Located parent) {
    List<QueueSpec> children = new ArrayList<>();
    Map<String, String> firstPlace = new HashMap<>();
    BigDecimal percentSum = BigDecimal.ZERO;
    for (Located element : parent.field("children").elements()) {
      QueueSpec child = read(element, null);
      if (child == null || child.name() == null) {
        continue;
      }
      String first = firstPlace.putIfAbsent(child.name(), element.pointer());
      if (first != null) {
        element.field("name").problem("duplicate queue name '" + child.name() + "' (first at " + first + ")");
      }
      if (child.guarantee() instanceof Share.Percent p) {
        percentSum = percentSum.add(BigDecimal.valueOf(p.percent()));
      }
      children.add(child);
    }
    if (percentSum.compareTo(HUNDRED) > 0) {
      parent.problem("the children's guarantees add up to " + percentSum.stripTrailingZeros().toPlainString()
          + "%, more than 100%");
    }
    return children;
  }

  private static void checkWithinMax(Located at, Share guarantee, Share max) {
    if (guarantee instanceof Share.Percent g && max instanceof Share.Percent m && g.percent() > m.percent()) {
      at.problem("guarantee " + ShareCodec.write(g).textValue() + " is more than max " + ShareCodec.write(m).textValue());
    } else if (guarantee instanceof Share.Absolute g && max instanceof Share.Absolute m
        && !g.resources().fitsIn(m.resources())) {
      at.problem("guarantee " + g.resources() + " is more than max " + m.resources());
    }
  }

  /** A number greater than 0 (or at least 0 when {@code zeroAllowed}); null when absent or bad. */
  private static BigDecimal atLeast(Located at, boolean zeroAllowed) {
    BigDecimal value = at.decimal();
    if (value != null && (value.signum() < 0 || (value.signum() == 0 && !zeroAllowed))) {
      at.problem("must be " + (zeroAllowed ? "at least 0" : "greater than 0") + ", got " + Shown.node(at.node()));
      return null;
    }
    return value;
  }
}
