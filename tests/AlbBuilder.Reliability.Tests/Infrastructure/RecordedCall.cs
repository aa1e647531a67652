namespace AlbBuilder.Reliability.Tests.Infrastructure;

/// <summary>One AWS call as the SDK saw it before sending: service, operation, and its occurrence (1-based) of that operation.</summary>
internal sealed record RecordedCall(string Service, string Operation, int Occurrence)
{
    /// <summary>Whether the call changes something (everything but Describe*/List*/Get*).</summary>
    public bool IsMutating =>
        !Operation.StartsWith("Describe", StringComparison.Ordinal)
        && !Operation.StartsWith("List", StringComparison.Ordinal)
        && !Operation.StartsWith("Get", StringComparison.Ordinal);

    public override string ToString() => $"{Operation}#{Occurrence}";
}
