namespace AlbBuilder.Provisioning;

/// <summary>What a teardown removed and what it could not.</summary>
internal sealed record TeardownResult(LabResourceSet Removed, IReadOnlyList<Exception> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Both teardowns' removals and errors.</summary>
    public TeardownResult Then(TeardownResult next) => new(Removed.Union(next.Removed), [.. Errors, .. next.Errors]);
}
