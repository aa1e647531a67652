using System.Text;

namespace AlbBuilder.Waiters;

/// <summary>The state of one resource as a waiter last saw it (an instance, a load balancer, a target).</summary>
/// <param name="Id">The resource's id, for example <c>i-0abc</c>, a load balancer name or <c>i-0abc:80</c> for a target.</param>
/// <param name="State">The state the service reported, for example <c>running</c>, <c>provisioning</c> or <c>unhealthy</c>; an error code when the call failed.</param>
/// <param name="Reason">The service's reason code, if any, for example <c>Target.Timeout</c>.</param>
/// <param name="Description">The service's human-readable explanation, if any.</param>
public sealed record ObservedState(string Id, string State, string? Reason = null, string? Description = null)
{
    /// <summary>The resource's id, for example <c>i-0abc</c>, a load balancer name or <c>i-0abc:80</c> for a target.</summary>
    public string Id { get; } = Id;

    /// <summary>The state the service reported, for example <c>running</c>, <c>provisioning</c> or <c>unhealthy</c>; an error code when the call failed.</summary>
    public string State { get; } = State;

    /// <summary>The service's reason code, if any, for example <c>Target.Timeout</c>.</summary>
    public string? Reason { get; } = Reason;

    /// <summary>The service's human-readable explanation, if any.</summary>
    public string? Description { get; } = Description;

    /// <summary>Formats the state as <c>id: state (reason: description)</c>.</summary>
    /// <returns>The formatted state.</returns>
    public override string ToString()
    {
        var text = new StringBuilder().Append(Id).Append(": ").Append(State);
        var hasReason = !string.IsNullOrEmpty(Reason);
        var hasDescription = !string.IsNullOrEmpty(Description);
        if (hasReason || hasDescription)
        {
            text.Append(" (");
            if (hasReason)
            {
                text.Append(Reason);
            }

            if (hasReason && hasDescription)
            {
                text.Append(": ");
            }

            if (hasDescription)
            {
                text.Append(Description);
            }

            text.Append(')');
        }

        return text.ToString();
    }

    /// <summary>Joins states into one line such as <c>i-1: pending, i-2: running</c>.</summary>
    /// <param name="states">The states to join.</param>
    /// <returns>The summary, or <c>(nothing observed)</c> when there is no state.</returns>
    internal static string Summarize(IEnumerable<ObservedState>? states)
    {
        var summary = states is null ? string.Empty : string.Join(", ", states);
        return summary.Length == 0 ? "(nothing observed)" : summary;
    }
}
