using AlbBuilder.LocalCloud.Protocol;
using AlbBuilder.LocalCloud.Validation;

namespace AlbBuilder.LocalCloud.Ec2;

/// <summary>CreateTags, DescribeTags and DeleteTags over instances, security groups, VPCs and subnets.</summary>
internal sealed partial class Ec2Api
{
    [AwsAction]
    private IEnumerable<object?> DescribeTags(QueryParameters p)
    {
        var filters = Ec2Filter.Parse(p);
        var all = AllTaggable()
            .SelectMany(r => r.Tags.Select(t => (r.Id, r.Type, t.Key, t.Value)))
            .Where(t => Ec2Filter.MatchesAll(
                filters,
                name => name switch
                {
                    "resource-id" => [t.Id],
                    "resource-type" => [t.Type],
                    "key" => [t.Key],
                    "value" => [t.Value],
                    _ => null,
                },
                new Dictionary<string, string> { [t.Key] = t.Value }))
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .ToList();

        var (page, next) = Paginate(all, Int(p, "MaxResults"), p.Get("NextToken"), 5);
        yield return Xml.Items("tagSet", page, t =>
        [
            Xml.E("resourceId", t.Id),
            Xml.E("resourceType", t.Type),
            Xml.E("key", t.Key),
            Xml.E("value", t.Value),
        ]);
        yield return Xml.Opt("nextToken", next);
    }

    [AwsAction]
    private IEnumerable<object?> DeleteTags(QueryParameters p)
    {
        var targets = TaggedResources(p);
        var tags = p.GetStructList("Tag");
        foreach (var (_, _, resourceTags) in targets)
        {
            if (tags.Count == 0)
            {
                resourceTags.Clear();
                continue;
            }

            foreach (var tag in tags)
            {
                var key = tag.Get("Key") ?? throw Ec2Errors.MissingParameter("Tag.Key");
                var value = tag.Get("Value");
                if (resourceTags.TryGetValue(key, out var current) && (value is null || value == current))
                {
                    resourceTags.Remove(key);
                }
            }
        }

        yield return ReturnTrue;
    }

    [AwsAction]
    private IEnumerable<object?> CreateTags(QueryParameters p)
    {
        var targets = TaggedResources(p);
        var tags = ReadTags(p, "Tag");
        if (tags.Count == 0)
        {
            throw Ec2Errors.MissingParameter("Tag");
        }

        foreach (var (_, _, resourceTags) in targets)
        {
            TagLimit.Check(resourceTags, tags, Ec2Errors.TagLimitExceeded);
        }

        foreach (var (_, _, resourceTags) in targets)
        {
            TagLimit.Apply(resourceTags, tags, Ec2Errors.TagLimitExceeded);
        }

        yield return ReturnTrue;
    }

    private IEnumerable<(string Id, string Type, Dictionary<string, string> Tags)> AllTaggable() =>
        _state.Instances.Values.Select(i => (i.Id, "instance", i.Tags))
            .Concat(_state.SecurityGroups.Values.Select(g => (g.Id, "security-group", g.Tags)))
            .Concat(_state.Vpcs.Values.Select(v => (v.Id, "vpc", v.Tags)))
            .Concat(_state.Subnets.Values.Select(s => (s.Id, "subnet", s.Tags)));

    private List<(string Id, string Type, Dictionary<string, string> Tags)> TaggedResources(QueryParameters p)
    {
        var ids = p.GetList("ResourceId");
        if (ids.Count == 0)
        {
            throw Ec2Errors.MissingParameter("ResourceId");
        }

        var all = AllTaggable().ToDictionary(r => r.Id, StringComparer.Ordinal);
        var result = new List<(string, string, Dictionary<string, string>)>();
        foreach (var id in ids)
        {
            if (all.TryGetValue(id, out var resource))
            {
                result.Add(resource);
                continue;
            }

            throw id.Split('-')[0] switch
            {
                "i" => Ec2Errors.InstanceNotFound([id]),
                "sg" => Ec2Errors.GroupNotFound(id),
                "vpc" => Ec2Errors.VpcNotFound(id),
                "subnet" => Ec2Errors.SubnetNotFound(id),
                _ => new AwsServiceError("InvalidID", $"The ID '{Validation.AwsText.Echo(id)}' is not valid"),
            };
        }

        return result;
    }
}
