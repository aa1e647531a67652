using System.Globalization;
using System.Text.RegularExpressions;
using AlbBuilder.LocalCloud.Protocol;
using AlbBuilder.LocalCloud.State;
using AlbBuilder.LocalCloud.Validation;

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

    private static readonly ActionTable<Ec2Api> _actions = ActionTable<Ec2Api>.FromAttributes();

    public static IReadOnlySet<string> Operations { get; } = _actions.Names;

    /// <summary>Serves one action and returns the members of its response element.</summary>
    public IEnumerable<object?> Handle(string action, QueryParameters p)
    {
        if (_actions.Contains(action) && Bool(p, "DryRun") == true)
        {
            // EC2's permission check without the change: the caller may call it, nothing happens.
            throw new AwsServiceError("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
        }

        return _actions.Invoke(this, _state, action, p, () => new AwsServiceError("InvalidAction", $"The action {action} is not valid for this web service."));
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
            : throw Ec2Errors.InvalidParameterValue($"Invalid value '{AwsText.Echo(raw)}' for {name}");
    }

    private static bool? Bool(QueryParameters p, string name) => p.Get(name) switch
    {
        null => null,
        var v when v.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        var v when v.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        var v => throw Ec2Errors.InvalidParameterValue($"Invalid value '{AwsText.Echo(v)}' for {name}"),
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
                throw Ec2Errors.InvalidParameterValue($"'{AwsText.Echo(type)}' is not a valid taggable resource type for this operation.");
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
            Ec2Rules.Tag(key, value);
            list.Add(new KeyValuePair<string, string>(key, value));
        }

        if (list.Count > TagLimit.PerResource)
        {
            throw Ec2Errors.TagLimitExceeded();
        }

        return list;
    }


    /// <summary>Pages with EC2's NextToken/MaxResults (<paramref name="minimum"/>–1000; everything when absent).</summary>
    private static (List<T> Page, string? NextToken) Paginate<T>(IReadOnlyList<T> items, int? maxResults, string? nextToken, int minimum)
    {
        var offset = Paging.Offset(nextToken, () => Ec2Errors.InvalidParameterValue($"Invalid value '{nextToken}' for nextToken"));
        if (maxResults is not null && (maxResults < minimum || maxResults > 1000))
        {
            throw Ec2Errors.InvalidParameterValue($"Value ( {maxResults} ) for parameter maxResults is invalid. Expecting a value between {minimum} and 1000.");
        }

        return Paging.Take(items, offset, maxResults);
    }

    [GeneratedRegex(@"\Ai-([0-9a-f]{8}|[0-9a-f]{17})\z")]
    private static partial Regex InstanceIdPattern();

    [GeneratedRegex(@"\Asg-([0-9a-f]{8}|[0-9a-f]{17})\z")]
    private static partial Regex GroupIdPattern();
}
