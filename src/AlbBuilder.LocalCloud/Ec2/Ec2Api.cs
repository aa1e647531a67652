using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AlbBuilder.LocalCloud.Protocol;
using AlbBuilder.LocalCloud.State;

namespace AlbBuilder.LocalCloud.Ec2;

/// <summary>The EC2 operations LocalCloud serves (API version 2016-11-15).</summary>
internal sealed partial class Ec2Api
{
    private readonly CloudState _state;
    private readonly InstanceLifeCycle _lifeCycle;

    public Ec2Api(CloudState state)
    {
        _state = state;
        _lifeCycle = new InstanceLifeCycle(state);
    }

    public static IReadOnlySet<string> Operations { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "DescribeVpcs", "DescribeSubnets", "DescribeAvailabilityZones", "DescribeImages",
        "CreateSecurityGroup", "DescribeSecurityGroups", "DeleteSecurityGroup",
        "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress",
        "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress",
        "RunInstances", "DescribeInstances", "StopInstances", "StartInstances", "TerminateInstances",
        "CreateTags", "DescribeTags", "DeleteTags",
    };

    /// <summary>Serves one action and returns the members of its response element.</summary>
    public IEnumerable<object?> Handle(string action, QueryParameters p)
    {
        IEnumerable<object?> result;
        var changed = false;
        if (Operations.Contains(action) && Bool(p, "DryRun") == true)
        {
            // EC2's permission check without the change: the caller may call it, nothing happens.
            throw new AwsServiceError("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
        }

        lock (_state.Gate)
        {
            switch (action)
            {
                case "DescribeVpcs": result = DescribeVpcs(p); break;
                case "DescribeSubnets": result = DescribeSubnets(p); break;
                case "DescribeAvailabilityZones": result = DescribeAvailabilityZones(p); break;
                case "DescribeImages": result = DescribeImages(p); break;
                case "CreateSecurityGroup": result = CreateSecurityGroup(p); break;
                case "DescribeSecurityGroups": result = DescribeSecurityGroups(p); break;
                case "DeleteSecurityGroup": result = DeleteSecurityGroup(p); changed = true; break;
                case "AuthorizeSecurityGroupIngress": result = ChangeRules(p, ingress: true, add: true); changed = true; break;
                case "AuthorizeSecurityGroupEgress": result = ChangeRules(p, ingress: false, add: true); changed = true; break;
                case "RevokeSecurityGroupIngress": result = ChangeRules(p, ingress: true, add: false); changed = true; break;
                case "RevokeSecurityGroupEgress": result = ChangeRules(p, ingress: false, add: false); changed = true; break;
                case "RunInstances": result = RunInstances(p); changed = true; break;
                case "DescribeInstances": result = DescribeInstances(p); break;
                case "StopInstances": result = ChangeInstances(p, InstanceAction.Stop); changed = true; break;
                case "StartInstances": result = ChangeInstances(p, InstanceAction.Start); changed = true; break;
                case "TerminateInstances": result = ChangeInstances(p, InstanceAction.Terminate); changed = true; break;
                case "CreateTags": result = CreateTags(p); break;
                case "DescribeTags": result = DescribeTags(p); break;
                case "DeleteTags": result = DeleteTags(p); break;
                default:
                    throw new AwsServiceError("InvalidAction", $"The action {action} is not valid for this web service.");
            }

            // Materialize inside the lock: the XML reads mutable state.
            result = result.ToList();
        }

        if (changed)
        {
            _state.NotifyChanged();
        }

        return result;
    }

    private static System.Xml.Linq.XElement ReturnTrue => Xml.E("return", "true");

    private static string Require(QueryParameters p, string name) =>
        string.IsNullOrEmpty(p.Get(name)) ? throw Ec2Errors.MissingParameter(name) : p.Get(name)!;

    private static int? Int(QueryParameters p, string name)
    {
        var raw = p.Get(name);
        if (raw is null)
        {
            return null;
        }

        return int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Ec2Errors.InvalidParameterValue($"Invalid value '{raw}' for {name}");
    }

    private static bool? Bool(QueryParameters p, string name) => p.Get(name) switch
    {
        null => null,
        var v when v.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        var v when v.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        var v => throw Ec2Errors.InvalidParameterValue($"Invalid value '{v}' for {name}"),
    };

    private static object TagSet(IReadOnlyDictionary<string, string> tags) =>
        Xml.Items("tagSet", tags, t => [Xml.E("key", t.Key), Xml.E("value", t.Value)]);

    /// <summary>Reads <c>TagSpecification.N</c> entries for one resource type.</summary>
    private static Dictionary<string, string> TagSpecifications(QueryParameters p, string resourceType, params string[] alsoAllowed)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in p.GetStructList("TagSpecification"))
        {
            var type = spec.Get("ResourceType") ?? throw Ec2Errors.MissingParameter("TagSpecification.ResourceType");
            if (type != resourceType && !alsoAllowed.Contains(type))
            {
                throw Ec2Errors.InvalidParameterValue($"'{type}' is not a valid taggable resource type for this operation.");
            }

            if (type != resourceType)
            {
                continue;
            }

            foreach (var tag in ReadTags(spec, "Tag"))
            {
                tags[tag.Key] = tag.Value;
            }
        }

        return tags;
    }

    private static List<KeyValuePair<string, string>> ReadTags(QueryParameters p, string prefix)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var tag in p.GetStructList(prefix))
        {
            var key = tag.Get("Key") ?? throw Ec2Errors.MissingParameter("Tag.Key");
            var value = tag.Get("Value") ?? string.Empty;
            ValidateTag(key, value);
            list.Add(new KeyValuePair<string, string>(key, value));
        }

        if (list.Count > 50)
        {
            throw new AwsServiceError("TagLimitExceeded", "The maximum number of Tags for a resource has been reached.");
        }

        return list;
    }

    private static void ValidateTag(string key, string value)
    {
        if (key.Length is 0 or > 128)
        {
            throw Ec2Errors.InvalidParameterValue($"Tag key exceeds the maximum length of 128 characters");
        }

        if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            throw Ec2Errors.InvalidParameterValue("Tag keys starting with 'aws:' are reserved for internal use");
        }

        if (value.Length > 256)
        {
            throw Ec2Errors.InvalidParameterValue("Tag value exceeds the maximum length of 256 characters");
        }
    }

    private static void AddTags(Dictionary<string, string> target, IEnumerable<KeyValuePair<string, string>> tags)
    {
        foreach (var (key, value) in tags)
        {
            target[key] = value;
        }

        if (target.Count > 50)
        {
            throw new AwsServiceError("TagLimitExceeded", "The maximum number of Tags for a resource has been reached.");
        }
    }

    /// <summary>Pages a sorted list with an opaque NextToken (base64 of the offset).</summary>
    private static (List<T> Page, string? NextToken) Paginate<T>(IReadOnlyList<T> items, int? maxResults, string? nextToken, int minimum)
    {
        var offset = 0;
        if (!string.IsNullOrEmpty(nextToken))
        {
            try
            {
                offset = int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(nextToken)), CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                throw Ec2Errors.InvalidParameterValue($"Invalid value '{nextToken}' for nextToken");
            }
        }

        if (maxResults is null)
        {
            return (items.Skip(offset).ToList(), null);
        }

        if (maxResults < minimum || maxResults > 1000)
        {
            throw Ec2Errors.InvalidParameterValue($"Value ( {maxResults} ) for parameter maxResults is invalid. Expecting a value between {minimum} and 1000.");
        }

        var page = items.Skip(offset).Take(maxResults.Value).ToList();
        var next = offset + page.Count < items.Count
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes((offset + page.Count).ToString(CultureInfo.InvariantCulture)))
            : null;
        return (page, next);
    }

    [GeneratedRegex("^i-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex InstanceIdPattern();

    [GeneratedRegex("^sg-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex GroupIdPattern();
}
