/**
 * The Spring Boot example's {@code GET /me/profile} over HTTP with ProfileKit's token verifier
 * against Spring Security's stock {@code NimbusJwtDecoder}, in the same application.
 */
package dev.profilekit.benchmarks.spring;
