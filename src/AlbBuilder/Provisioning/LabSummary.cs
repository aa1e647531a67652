using System.Text;

namespace AlbBuilder;

/// <summary>A lab found by its ownership tags, as listed by <see cref="AlbLabDirectory.ListAsync"/>.</summary>
/// <param name="Name">The lab's name (the <c>albbuilder:lab</c> tag).</param>
/// <param name="LabId">The lab id (the <c>albbuilder:lab-id</c> tag), if any resource carries one.</param>
/// <param name="ExpiresAt">The earliest <c>albbuilder:expires-at</c> among its resources, if any.</param>
/// <param name="ResourceIds">The ids and ARNs of its resources still there (instances not terminated).</param>
public sealed record LabSummary(string Name, string? LabId, DateTimeOffset? ExpiresAt, IReadOnlyList<string> ResourceIds)
{
    /// <summary>The lab's name (the <c>albbuilder:lab</c> tag).</summary>
    public string Name { get; } = Name;

    /// <summary>The lab id (the <c>albbuilder:lab-id</c> tag), if any resource carries one.</summary>
    public string? LabId { get; } = LabId;

    /// <summary>The earliest <c>albbuilder:expires-at</c> among its resources, if any.</summary>
    public DateTimeOffset? ExpiresAt { get; } = ExpiresAt;

    /// <summary>The ids and ARNs of its resources still there (instances not terminated).</summary>
    public IReadOnlyList<string> ResourceIds { get; } = ResourceIds;

    /// <summary>Whether the lab's time to live has passed at <paramref name="now"/>; false when it has no expiry.</summary>
    /// <param name="now">The current time.</param>
    /// <returns><see langword="true"/> when the lab has expired.</returns>
    public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } expires && expires <= now;

    // The list prints its items (the compiler's record printing shows the list's type name).
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Name = ").Append(Name)
            .Append(", LabId = ").Append(LabId)
            .Append(", ExpiresAt = ").Append(ExpiresAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            .Append(", ResourceIds = ").Append(RecordText.List(ResourceIds));
        return true;
    }
}
