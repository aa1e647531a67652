using System.Globalization;
using AlbBuilder.LocalCloud.Protocol;
using AlbBuilder.LocalCloud.State;
using AlbBuilder.LocalCloud.Validation;

namespace AlbBuilder.LocalCloud.Elbv2;

/// <summary>The Elastic Load Balancing v2 operations LocalCloud serves (API version 2015-12-01).</summary>
internal sealed partial class Elbv2Api
{
    private readonly CloudState _state;
    private readonly ITargetHealthSource _health;

    public Elbv2Api(CloudState state, ITargetHealthSource health)
    {
        _state = state;
        _health = health;
    }

    private static readonly ActionTable<Elbv2Api> _actions = ActionTable<Elbv2Api>.FromAttributes();

    public static IReadOnlySet<string> Operations { get; } = _actions.Names;

    /// <summary>Serves one action and returns the members of its <c>XResult</c> element.</summary>
    public IEnumerable<object?> Handle(string action, QueryParameters p) =>
        _actions.Invoke(this, _state, action, p, () => new AwsServiceError("InvalidAction", $"Could not find operation {action} for version 2015-12-01"));

    private static string Require(QueryParameters p, string name) =>
        string.IsNullOrEmpty(p.Get(name)) ? throw Elbv2Errors.Missing(name) : p.Get(name)!;

    private static int? Int(QueryParameters p, string name, int min, int max)
    {
        var raw = p.Get(name);
        if (raw is null)
        {
            return null;
        }

        if (!int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Elbv2Errors.Validation($"Value '{AwsText.Echo(raw)}' at '{name}' failed to satisfy constraint: Member must be a number");
        }

        return value < min || value > max
            ? throw Elbv2Errors.Validation($"1 validation error detected: Value '{value}' at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must have value between {min} and {max}")
            : value;
    }

    private static bool? Bool(QueryParameters p, string name) => p.Get(name) switch
    {
        null => null,
        var v when v.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        var v when v.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        var v => throw Elbv2Errors.Validation($"Value '{AwsText.Echo(v)}' at '{name}' must be a boolean"),
    };

    /// <summary>Validates an LB or TG name: 1–32 letters, digits and hyphens, no hyphen at either end.</summary>
    private static void ValidateName(string name, string kind)
    {
        if (name.Length > 32)
        {
            throw Elbv2Errors.Validation($"The {kind} name '{AwsText.Echo(name)}' cannot be longer than '32' characters");
        }

        if (!Elbv2Rules.IsName(name))
        {
            throw Elbv2Errors.Validation($"{Capitalize(kind)} names can only contain characters that are alphanumeric characters and hyphens(-)");
        }

        if (name.StartsWith('-') || name.EndsWith('-'))
        {
            throw Elbv2Errors.Validation($"{Capitalize(kind)} name '{name}' cannot begin or end with a hyphen");
        }
    }

    private static string Capitalize(string value) => char.ToUpperInvariant(value[0]) + value[1..];

    private static List<KeyValuePair<string, string>> ReadTags(QueryParameters p)
    {
        var tags = new List<KeyValuePair<string, string>>();
        foreach (var tag in p.GetStructList("Tags.member"))
        {
            var key = tag.Get("Key") ?? throw Elbv2Errors.Missing("Key");
            Elbv2Rules.Tag(key, tag.Get("Value") ?? string.Empty);

            if (tags.Any(t => t.Key == key))
            {
                throw new AwsServiceError("DuplicateTagKeys", $"Tag key '{AwsText.Echo(key)}' is duplicated");
            }

            tags.Add(new KeyValuePair<string, string>(key, tag.Get("Value") ?? string.Empty));
        }

        return tags;
    }


    /// <summary>Pages with ELBv2's Marker/PageSize (1–400, 400 when absent).</summary>
    private static (List<T> Page, string? NextMarker) Page<T>(IReadOnlyList<T> items, QueryParameters p)
    {
        var pageSize = Int(p, "PageSize", 1, 400) ?? 400;
        return Paging.Take(items, p.Get("Marker"), pageSize, () => Elbv2Errors.Validation("Invalid Marker"));
    }

    private static System.Xml.Linq.XElement Attributes(IReadOnlyDictionary<string, string> attributes) =>
        Xml.Members("Attributes", attributes, a => [Xml.E("Key", a.Key), Xml.E("Value", a.Value)]);

    /// <summary>Validates and applies <c>Attributes.member.N</c> against the known keys' validators.</summary>
    private static Dictionary<string, string> ModifyAttributes(
        QueryParameters p,
        Dictionary<string, string> current,
        IReadOnlyDictionary<string, Func<string, bool>> validators,
        string kind)
    {
        var changes = p.GetStructList("Attributes.member");
        if (changes.Count == 0)
        {
            throw Elbv2Errors.Missing("Attributes");
        }

        var changed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            var key = change.Get("Key") ?? throw Elbv2Errors.Missing("Key");
            var value = change.Get("Value") ?? string.Empty;
            Elbv2Rules.Attribute(key, value);
            if (!validators.TryGetValue(key, out var valid))
            {
                throw Elbv2Errors.Validation($"{kind} attribute key '{key}' is not recognized");
            }

            if (!valid(value))
            {
                throw Elbv2Errors.InvalidConfiguration($"{kind} attribute value '{AwsText.Echo(value)}' is not valid for key '{key}'");
            }

            changed[key] = value;
        }

        foreach (var (key, value) in changed)
        {
            current[key] = value;
        }

        return changed;
    }

    private static Func<string, bool> IsBool => v => v is "true" or "false";

    private static Func<string, bool> IsInt(int min, int max) =>
        v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= min && i <= max;

    private string Arn(string resource) => $"arn:aws:elasticloadbalancing:{_state.Region}:{CloudState.AccountId}:{resource}";
}
