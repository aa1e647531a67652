namespace AlbBuilder.Provisioning;

/// <summary>
/// What a failed or cancelled start leaves behind: with clean-up on, removes what the start created (journaled, plus
/// creates whose response was lost, found by tag) and never what existed before (adopted). Says what happened in the
/// <see cref="AlbLabException"/> it returns.
/// </summary>
internal sealed class LabRollback(LabContext lab, LabProgress progress)
{
    private const string Lost = " (created, but its response was lost)";

    /// <param name="failure">The step that failed and why.</param>
    /// <param name="journaled">What the start created.</param>
    /// <param name="before">What existed before the start (never removed); null when the lookup did not finish.</param>
    /// <param name="abandon">Stops the rollback (the caller's second cancellation): the rest is left, tagged.</param>
    public async Task<AlbLabException> RunAsync(LabStepException failure, LabResourceSet journaled, FoundLab? before, CancellationToken abandon)
    {
        var definition = lab.Definition;
        var strays = definition.CleanUp ? await FindStraysAsync(before, journaled, abandon).ConfigureAwait(false) : LabResourceSet.Empty;
        var created = journaled.Union(strays);
        var cause = failure.InnerException ?? failure;
        var message = $"Lab {lab.Name}: step {failure.Step} failed: {cause.Message.TrimEnd()}";
        if (!message.EndsWith('.'))
        {
            message += ".";
        }

        if (created.IsEmpty)
        {
            return new AlbLabException(message + " Nothing had been created.", cause, failure.Step, created, LabResourceSet.Empty);
        }

        if (!definition.CleanUp)
        {
            return new AlbLabException(
                $"{message} Clean-up is off, so these are left in place (tagged {LabTags.Lab}={lab.Name}): {created}.", cause, failure.Step, created, LabResourceSet.Empty);
        }

        using var activity = LabActivities.Start(lab.Name, LabStep.Rollback);
        progress.Started(LabStep.Rollback, $"Removing what this start created: {Describe(created, strays)}");

        // Not the caller's token (it may be the reason we are here); the teardown bounds itself by its timeout.
        var result = await new LabTeardown(lab, progress).RunAsync(created, abandon).ConfigureAwait(false);

        // A create cancelled mid-call can land after the first search (the service still serves it): look once more.
        var late = result.Succeeded && !abandon.IsCancellationRequested ? await FindStraysAsync(before, created, abandon).ConfigureAwait(false) : LabResourceSet.Empty;
        if (!late.IsEmpty)
        {
            strays = strays.Union(late);
            created = created.Union(late);
            result = result.Then(await new LabTeardown(lab, progress).RunAsync(late, abandon).ConfigureAwait(false));
        }

        if (abandon.IsCancellationRequested)
        {
            var kept = created.Except(result.Removed);
            LabActivities.Failed(activity, new OperationCanceledException(abandon));
            progress.Failed(LabStep.Rollback, $"Abandoned; left: {kept}", null);
            return new AlbLabException(
                $"{message} Created: {Describe(created, strays)}. Rolled back: {result.Removed}. Rollback abandoned; still there " +
                $"(tagged {LabTags.Lab}={lab.Name}; remove with DestroyAsync or a sweep of the lab's tags): {kept}.",
                cause,
                failure.Step,
                created,
                result.Removed);
        }

        if (result.Succeeded)
        {
            LabActivities.Succeeded(activity);
            progress.Completed(LabStep.Rollback, "Rolled back");
            return new AlbLabException($"{message} Created: {Describe(created, strays)}. Rolled back: {result.Removed}.", cause, failure.Step, created, result.Removed);
        }

        var left = created.Except(result.Removed);
        LabActivities.Failed(activity, result.Errors[0]);
        progress.Failed(LabStep.Rollback, $"Could not remove: {left}", result.Errors[0]);
        return new AlbLabException(
            $"{message} Created: {Describe(created, strays)}. Rolled back: {result.Removed}. " +
            $"Rollback failed ({result.Errors[0].Message}); still there (tagged {LabTags.Lab}={lab.Name}, remove with DestroyAsync): {left}.",
            cause,
            failure.Step,
            created,
            result.Removed);
    }

    private static string Describe(LabResourceSet created, LabResourceSet strays) =>
        string.Join(", ", created.Select(r => strays.Contains(r) ? r + Lost : r.ToString()));

    /// <summary>
    /// Resources of this lab that appeared during the start without being journaled: a create whose response was lost
    /// (timeout, cancellation mid-call) still created something. Found by tag, minus what existed before the start.
    /// Best effort: when the lookup fails, the rollback goes on with the journal alone.
    /// </summary>
    private async Task<LabResourceSet> FindStraysAsync(FoundLab? before, LabResourceSet known, CancellationToken abandon)
    {
        if (before is null)
        {
            return LabResourceSet.Empty;
        }

        using var deadline = new CancellationTokenSource(lab.TeardownTimeout, lab.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, abandon);
        try
        {
            var after = await LabFinder.FindAsync(lab.Ec2, lab.Elb, lab.Definition, linked.Token).ConfigureAwait(false);
            return after.Resources.Except(before.Resources).Except(known);
        }
        catch (Exception ex) when (ex is Amazon.Runtime.AmazonServiceException or OperationCanceledException or HttpRequestException)
        {
            return LabResourceSet.Empty;
        }
    }
}
