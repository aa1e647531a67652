using System.Diagnostics;
using AlbBuilder.Building;

namespace AlbBuilder.Provisioning;

/// <summary>
/// One start as its steps see it: the lab, the step runner, the ownership tags, what existed before (adopted, never
/// rolled back), the inventory and the journal of what this start created.
/// </summary>
internal sealed class LabStart(LabContext lab, LabStepRunner steps, LabOwnership ownership, FoundLab found, LabInventory inventory, LabJournal journal)
{
    public LabContext Lab { get; } = lab;

    public AlbLabDefinition Definition => Lab.Definition;

    public LabStepRunner Steps { get; } = steps;

    public LabProgress Progress => Steps.Progress;

    public LabOwnership Ownership { get; } = ownership;

    /// <summary>What existed before this start (adopted).</summary>
    public FoundLab Found { get; } = found;

    public LabInventory Inventory { get; } = inventory;

    /// <summary>Makes this start's RunInstances client tokens its own: EC2 remembers a token for at least 24 h.</summary>
    public string LaunchNonce { get; } = Guid.NewGuid().ToString("N")[..8];

    /// <summary>A resource this start created: the rollback removes it, the inventory shows it, the step's activity names it.</summary>
    public void Created(LabResource resource)
    {
        journal.Record(resource);
        if (resource.Kind != LabResourceKind.Instance)
        {
            Inventory.Set(resource);
        }

        LabActivities.Tag(Activity.Current, resource);
    }

    /// <summary>
    /// The adopted resource of <paramref name="kind"/>, or one created by <paramref name="step"/> (journaled for the
    /// rollback); either way the lab uses it from now on.
    /// </summary>
    public async Task<string> EnsureAsync(LabResourceKind kind, string? adopted, LabStep step, string message, Func<CancellationToken, Task<string?>> create)
    {
        var id = adopted ?? await Steps.RunAsync(
            step,
            message,
            async ct =>
            {
                var created = await create(ct).ConfigureAwait(false) ?? throw new InvalidOperationException($"{step} returned no {LabResource.Describe(kind)}.");
                Created(new LabResource(kind, created));
                return created;
            },
            created => $"Created {new LabResource(kind, created)}").ConfigureAwait(false);
        Uses(new LabResource(kind, id));
        return id;
    }

    /// <summary>A resource the lab uses, created by this start or adopted.</summary>
    public void Uses(LabResource resource) => Inventory.Set(resource);

    /// <summary>Waiter options for a step of this start.</summary>
    public Waiters.WaiterOptions Waits(TimeSpan timeout, LabStep step) => Lab.Waits(timeout, Progress, step);

    /// <summary>Retries an eventually consistent NotFound right after a create, as part of <paramref name="step"/>.</summary>
    public Task<T> RetryAsync<T>(LabStep step, Func<CancellationToken, Task<T>> action, Func<Exception, bool> isTransient, CancellationToken cancellationToken) =>
        LabRetry.RunAsync(step, action, isTransient, RetryPolicy.EventualConsistency(Definition.PollInterval), Lab.Time, Progress, cancellationToken);
}
