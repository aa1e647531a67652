using System.Globalization;
using AlbBuilder.Building;
using Amazon.EC2;
using Amazon.EC2.Model;
using ElbTag = AlbBuilder.ElasticLoadBalancingV2.Model.Tag;

namespace AlbBuilder.Provisioning;

/// <summary>The ownership tags of one lab instance, and the test that a resource carries them.</summary>
internal sealed class LabOwnership
{
    private readonly AlbLabDefinition _definition;
    private readonly string? _expiresAt;

    public LabOwnership(AlbLabDefinition definition, string labId, DateTimeOffset now)
    {
        _definition = definition;
        LabId = labId;
        _expiresAt = definition.TimeToLive is { } ttl
            ? (now + ttl).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)
            : null;
    }

    public string LabId { get; }

    /// <summary>User tags first, then the ownership tags (which win: teardown depends on them).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> TagsFor(string role, string? name)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in _definition.Tags)
        {
            tags[key] = value;
        }

        if (name is not null)
        {
            tags["Name"] = name;
        }

        tags[LabTags.Lab] = _definition.Name;
        tags[LabTags.LabId] = LabId;
        tags[LabTags.CreatedBy] = LabTags.CreatedByValue;
        tags[LabTags.Role] = role;
        if (_expiresAt is not null)
        {
            tags[LabTags.ExpiresAt] = _expiresAt;
        }

        return [.. tags];
    }

    public List<Tag> Ec2Tags(string role, string? name) => [.. TagsFor(role, name).Select(t => new Tag(t.Key, t.Value))];

    public TagSpecification Ec2Spec(ResourceType resourceType, string role, string? name) =>
        new() { ResourceType = resourceType, Tags = Ec2Tags(role, name) };

    public List<ElbTag> ElbTags(string role) => [.. TagsFor(role, null).Select(t => new ElbTag { Key = t.Key, Value = t.Value })];

    /// <summary>Whether tags say the resource belongs to the lab <paramref name="labName"/> and was created by AlbBuilder.</summary>
    public static bool IsOwned(string labName, Func<string, string?> tagValue) =>
        string.Equals(tagValue(LabTags.Lab), labName, StringComparison.Ordinal)
        && string.Equals(tagValue(LabTags.CreatedBy), LabTags.CreatedByValue, StringComparison.Ordinal);

    /// <summary>A new short lab id: 12 hex digits of a GUID.</summary>
    public static string NewLabId() => Guid.NewGuid().ToString("N")[..12];
}
