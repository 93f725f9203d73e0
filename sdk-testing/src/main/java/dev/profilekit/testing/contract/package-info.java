/**
 * The contract suite in groups: each group of cases is a JUnit 5 test interface ({@link
 * dev.profilekit.testing.contract.SignUpAndPasswordCases}, {@link
 * dev.profilekit.testing.contract.SessionCases}, {@link
 * dev.profilekit.testing.contract.FederatedCases}, {@link
 * dev.profilekit.testing.contract.ProfileCases}, {@link
 * dev.profilekit.testing.contract.AdminAndConcurrencyCases}, {@link
 * dev.profilekit.testing.contract.AccountLifecycleCases}, {@link
 * dev.profilekit.testing.contract.UserAdministrationCases}, {@link
 * dev.profilekit.testing.contract.EmailChangeCases}, {@link
 * dev.profilekit.testing.contract.AccountExportCases}, ...) over the hooks of {@link
 * dev.profilekit.testing.contract.ContractHarness}. A run extends {@link
 * dev.profilekit.testing.contract.ContractFixture} and implements the groups it opts into, or
 * extends {@link dev.profilekit.testing.UserProfileServiceContract} for all of them. Groups may
 * gain cases in any release; an implementation that passes a group today must expect new cases in
 * it.
 */
package dev.profilekit.testing.contract;
