/**
 * The reconcile job: {@link dev.profilekit.aws.reconcile.ProfileReconciler} sweeps the profile
 * table for data whose Cognito user no longer exists (an interrupted account deletion, a user
 * deleted in the console) and for expired tombstones of deleted accounts.
 */
package dev.profilekit.aws.reconcile;
