namespace AlbBuilder.Sample.Planning;

/// <summary>What a lab's life cycle calls, recorded, and the IAM permissions those calls need.</summary>
/// <param name="Operations">Every call, in the order made, with its phase.</param>
/// <param name="Permissions">The IAM actions they need, sorted.</param>
/// <param name="PolicyJson">The IAM policy document.</param>
internal sealed record LabPlan(IReadOnlyList<RecordedOperation> Operations, IReadOnlyList<IamPermission> Permissions, string PolicyJson)
{
    /// <summary>The phases in the order they ran.</summary>
    public IReadOnlyList<string> Phases => [.. Operations.Select(o => o.Phase).Distinct()];

    /// <summary>A phase's calls with consecutive repeats (polling) folded into a count.</summary>
    public IReadOnlyList<(string Service, string Operation, int Count)> Steps(string phase)
    {
        var steps = new List<(string Service, string Operation, int Count)>();
        foreach (var call in Operations.Where(o => o.Phase == phase))
        {
            if (steps.Count > 0 && steps[^1].Service == call.Service && steps[^1].Operation == call.Operation)
            {
                steps[^1] = steps[^1] with { Count = steps[^1].Count + 1 };
            }
            else
            {
                steps.Add((call.Service, call.Operation, 1));
            }
        }

        return steps;
    }
}
