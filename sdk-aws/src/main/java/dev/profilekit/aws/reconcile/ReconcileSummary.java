package dev.profilekit.aws.reconcile;

/**
 * What a {@link ProfileReconciler} run did. The counts cover the whole job, across resumed runs,
 * except {@link #tombstonesRemoved()}, which counts this run only.
 *
 * @param pages table pages swept
 * @param seen items looked at: {@code orphansErased + usersPresent + otherRecords}
 * @param orphansErased profiles or sign-out records whose Cognito user no longer exists, replaced
 *     by a tombstone
 * @param usersPresent items whose Cognito user exists, left alone
 * @param otherRecords tombstones and ProfileKit's own records (checkpoints), which need no user
 * @param tombstonesRemoved expired tombstones removed by this run
 * @param completed whether the sweep reached the end of the table
 */
public record ReconcileSummary(long pages, long seen, long orphansErased, long usersPresent, long otherRecords,
    long tombstonesRemoved, boolean completed) {}
