namespace AlbBuilder;

/// <summary>The ownership tags every lab resource carries from creation; teardown only deletes what has them.</summary>
public static class LabTags
{
    /// <summary>The lab's name.</summary>
    public const string Lab = "albbuilder:lab";

    /// <summary>The unique id of one lab instance (a new one per fresh start; kept on adoption).</summary>
    public const string LabId = "albbuilder:lab-id";

    /// <summary>Always <see cref="CreatedByValue"/>.</summary>
    public const string CreatedBy = "albbuilder:created-by";

    /// <summary>The value of <see cref="CreatedBy"/>.</summary>
    public const string CreatedByValue = "AlbBuilder";

    /// <summary>When the lab may be swept (ISO 8601, UTC), set by <c>WithTimeToLive</c>.</summary>
    public const string ExpiresAt = "albbuilder:expires-at";

    /// <summary>The resource's role in the lab (e.g. <c>instance</c>, <c>load-balancer-sg</c>).</summary>
    public const string Role = "albbuilder:role";
}
