package dev.weft.model.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weft.model.Resources;
import dev.weft.model.Share;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A queue share: a percentage of the parent ({@code "40%"}) or a resource map ({@code {cpu: 4}}). */
final class ShareCodec {
  private static final String EXPECTED = "a percentage like \"40%\" or resources like {cpu: 4, memory: 8Gi}";
  private static final Pattern PERCENT = Pattern.compile("\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))\\s*%\\s*");

  private ShareCodec() {
  }

  /** The share, or null when absent or bad (then reported). */
  static Share read(Located at) {
    if (!at.isPresent()) {
      return null;
    }
    if (at.node().isObject()) {
      Resources resources = ResourcesCodec.read(at);
      return resources == null ? null : new Share.Absolute(resources);
    }
    if (at.node().isNumber()) {
      at.problem("expected " + EXPECTED + ", got " + Shown.node(at.node()) + " (write \""
          + Shown.node(at.node()) + "%\" for a percentage)");
      return null;
    }
    Matcher m = at.node().isTextual() ? PERCENT.matcher(at.node().textValue()) : null;
    if (m == null || !m.matches()) {
      at.typeProblem(EXPECTED);
      return null;
    }
    BigDecimal percent = new BigDecimal(m.group(1));
    if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
      at.problem("must be between 0% and 100%, got " + Shown.node(at.node()));
      return null;
    }
    return new Share.Percent(percent.doubleValue());
  }

  static JsonNode write(Share share) {
    return switch (share) {
      case Share.Percent p -> JsonNodeFactory.instance.textNode(
          BigDecimal.valueOf(p.percent()).stripTrailingZeros().toPlainString() + "%");
      case Share.Absolute a -> ResourcesCodec.write(a.resources());
    };
  }
}
