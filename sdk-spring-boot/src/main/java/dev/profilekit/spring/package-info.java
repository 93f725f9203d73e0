/**
 * ProfileKit for Spring Boot 4: auto-configuration of {@link dev.profilekit.UserProfileService}
 * from {@code profilekit.*} properties ({@link dev.profilekit.spring.ProfileKitProperties}), a
 * Spring Security resource server on ProfileKit's verifier ({@link
 * dev.profilekit.spring.ProfileKitAuthenticationProvider}, whose principal is the {@link
 * dev.profilekit.VerifiedUser}), Micrometer timers, an Actuator health indicator, and the
 * in-memory service in tests. See {@code docs/spring-boot.md}.
 */
package dev.profilekit.spring;
