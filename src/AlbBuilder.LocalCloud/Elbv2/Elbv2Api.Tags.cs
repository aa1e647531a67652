using AlbBuilder.LocalCloud.Protocol;
using AlbBuilder.LocalCloud.Validation;

namespace AlbBuilder.LocalCloud.Elbv2;

/// <summary>AddTags, RemoveTags and DescribeTags on load balancers, target groups and listeners.</summary>
internal sealed partial class Elbv2Api
{
    [AwsAction]
    private IEnumerable<object?> AddTags(QueryParameters p)
    {
        var resources = ReadResources(p);
        var tags = ReadTags(p);
        if (tags.Count == 0)
        {
            throw Elbv2Errors.Missing("Tags");
        }

        foreach (var resource in resources)
        {
            TagLimit.Check(resource, tags, Elbv2Errors.TooManyTags);
        }

        foreach (var resource in resources)
        {
            TagLimit.Apply(resource, tags, Elbv2Errors.TooManyTags);
        }

        yield break;
    }

    [AwsAction]
    private IEnumerable<object?> RemoveTags(QueryParameters p)
    {
        var resources = ReadResources(p);
        var keys = p.GetList("TagKeys.member");
        if (keys.Count == 0)
        {
            throw Elbv2Errors.Missing("TagKeys");
        }

        foreach (var resource in resources)
        {
            foreach (var key in keys)
            {
                resource.Remove(key);
            }
        }

        yield break;
    }

    [AwsAction]
    private IEnumerable<object?> DescribeTags(QueryParameters p)
    {
        var arns = p.GetList("ResourceArns.member");
        if (arns.Count > 20)
        {
            throw Elbv2Errors.Validation("At most 20 resource ARNs can be specified");
        }

        var resources = ReadResources(p);
        yield return Xml.Members("TagDescriptions", arns.Zip(resources), r =>
        [
            Xml.E("ResourceArn", r.First),
            Xml.Members("Tags", r.Second, t => [Xml.E("Key", t.Key), Xml.E("Value", t.Value)]),
        ]);
    }

    private List<Dictionary<string, string>> ReadResources(QueryParameters p)
    {
        var arns = p.GetList("ResourceArns.member");
        if (arns.Count == 0)
        {
            throw Elbv2Errors.Missing("ResourceArns");
        }

        var result = new List<Dictionary<string, string>>();
        foreach (var arn in arns)
        {
            if (arn.Contains(":loadbalancer/", StringComparison.Ordinal))
            {
                result.Add(FindLoadBalancer(arn).Tags);
            }
            else if (arn.Contains(":targetgroup/", StringComparison.Ordinal))
            {
                result.Add(FindTargetGroup(arn).Tags);
            }
            else if (arn.Contains(":listener/", StringComparison.Ordinal))
            {
                ValidateArn(arn, ":listener/", "listener");
                result.Add(_state.Listeners.TryGetValue(arn, out var listener)
                    ? listener.Tags
                    : throw Elbv2Errors.ListenerNotFound($"Listener '{Validation.AwsText.Echo(arn)}' not found"));
            }
            else
            {
                throw Elbv2Errors.Validation($"'{Validation.AwsText.Echo(arn)}' is not a valid resource ARN");
            }
        }

        return result;
    }
}
