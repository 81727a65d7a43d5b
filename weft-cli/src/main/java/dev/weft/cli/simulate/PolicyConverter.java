package dev.weft.cli.simulate;

import dev.weft.model.PolicyName;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts {@code --policy} with the model's own list of policy names. */
final class PolicyConverter implements ITypeConverter<PolicyName> {
  @Override
  public PolicyName convert(String value) {
    try {
      return PolicyName.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
