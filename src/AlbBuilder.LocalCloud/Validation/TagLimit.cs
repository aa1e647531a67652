using AlbBuilder.LocalCloud.Protocol;

namespace AlbBuilder.LocalCloud.Validation;

/// <summary>
/// The 50-tags-per-resource limit both services enforce (EC2 <c>TagLimitExceeded</c>, ELBv2 <c>TooManyTags</c>):
/// checked against the union of the old and new keys before anything is written, so a failed call changes nothing.
/// </summary>
internal static class TagLimit
{
    /// <summary>The most tags one resource may carry.</summary>
    public const int PerResource = 50;

    /// <summary>Throws the service's error when the tags would take the resource past the limit.</summary>
    public static void Check(Dictionary<string, string> target, IReadOnlyCollection<KeyValuePair<string, string>> tags, Func<AwsServiceError> tooMany)
    {
        if (target.Keys.Union(tags.Select(t => t.Key), StringComparer.Ordinal).Count() > PerResource)
        {
            throw tooMany();
        }
    }

    /// <summary>Checks the limit, then writes every tag (a new value replaces an old one).</summary>
    public static void Apply(Dictionary<string, string> target, IReadOnlyCollection<KeyValuePair<string, string>> tags, Func<AwsServiceError> tooMany)
    {
        Check(target, tags, tooMany);
        foreach (var (key, value) in tags)
        {
            target[key] = value;
        }
    }
}
