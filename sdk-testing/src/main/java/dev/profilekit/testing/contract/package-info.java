/**
 * The cases of {@link dev.profilekit.testing.UserProfileServiceContract}, grouped by area. Extend
 * {@code UserProfileServiceContract}, not these classes: they exist only to keep each file small,
 * and may be regrouped in any release.
 */
package dev.profilekit.testing.contract;
