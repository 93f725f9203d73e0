package dev.profilekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldValueTest {

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void aNumberThatIsNotFiniteIsATypedError(double number) {
    assertRejected(() -> FieldValue.of(number), "value", "finite-number");
  }

  @Test
  void aFiniteDoubleKeepsItsShortestDecimalForm() {
    assertThat(FieldValue.of(0.1)).isEqualTo(FieldValue.of(new BigDecimal("0.1")));
    assertThat(FieldValue.of(2.50)).isEqualTo(FieldValue.of(new BigDecimal("2.5")));
  }

  @Test
  void nullsAreTypedErrorsNamingWhereTheyAre() {
    assertRejected(() -> FieldValue.of((String) null), "value", "required");
    assertRejected(() -> FieldValue.of((BigDecimal) null), "value", "required");
    assertRejected(() -> FieldValue.list(FieldValue.of(1), null), "value[1]", "required");
    assertRejected(() -> FieldValue.list(Arrays.asList(FieldValue.of(1), FieldValue.of(2), null)), "value[2]", "required");
    assertRejected(() -> FieldValue.list((java.util.List<FieldValue>) null), "value", "required");
    Map<String, FieldValue> nullValue = new HashMap<>();
    nullValue.put("k", null);
    assertRejected(() -> FieldValue.map(nullValue), "value.k", "required");
    Map<String, FieldValue> nullKey = new HashMap<>();
    nullKey.put(null, FieldValue.of(1));
    assertRejected(() -> FieldValue.map(nullKey), "value", "required");
  }

  private static void assertRejected(ThrowingCallable call, String field, String rule) {
    assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).isEqualTo(rule);
    });
  }
}
