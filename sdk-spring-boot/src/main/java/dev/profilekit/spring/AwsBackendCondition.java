package dev.profilekit.spring;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when AWS backs the application: whenever {@link InMemoryBackendCondition} does not. */
class AwsBackendCondition extends SpringBootCondition {

  private final InMemoryBackendCondition inMemory = new InMemoryBackendCondition();

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    ConditionOutcome fake = inMemory.getMatchOutcome(context, metadata);
    return fake.isMatch()
        ? ConditionOutcome.noMatch("the in-memory backend is chosen: " + fake.getMessage())
        : ConditionOutcome.match("AWS backend: " + fake.getMessage());
  }
}
