namespace AlbBuilder.Provisioning;

/// <summary>What a teardown removed and what it could not.</summary>
internal sealed record TeardownResult(IReadOnlyList<string> Removed, IReadOnlyList<Exception> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
