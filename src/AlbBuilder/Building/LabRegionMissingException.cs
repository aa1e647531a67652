namespace AlbBuilder.Building;

/// <summary>No region anywhere the lab looks (see <see cref="LabRegion"/>); <see cref="LabClientFailure"/> turns it into advice.</summary>
internal sealed class LabRegionMissingException : InvalidOperationException
{
    public LabRegionMissingException()
        : base("No AWS region is configured.")
    {
    }
}
