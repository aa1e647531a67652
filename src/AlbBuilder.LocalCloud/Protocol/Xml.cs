using System.Globalization;
using System.Xml.Linq;

namespace AlbBuilder.LocalCloud.Protocol;

/// <summary>Small builders for AWS Query XML; elements are created without a namespace and namespaced at the end.</summary>
internal static class Xml
{
    public static XElement E(string name, params object?[] content) => new(name, content);

    /// <summary>An element only when the value is present (AWS omits absent members).</summary>
    public static XElement? Opt(string name, object? value) => value is null ? null : new XElement(name, Format(value));

    public static string Format(object value) => value switch
    {
        bool b => b ? "true" : "false",
        DateTimeOffset d => Timestamp(d),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>An EC2 list: <c>&lt;name&gt;&lt;item&gt;…&lt;/item&gt;&lt;/name&gt;</c>.</summary>
    public static XElement Items<T>(string name, IEnumerable<T> items, Func<T, IEnumerable<object?>> item) =>
        new(name, items.Select(i => new XElement("item", item(i).ToArray())));

    /// <summary>An ELBv2 list: <c>&lt;name&gt;&lt;member&gt;…&lt;/member&gt;&lt;/name&gt;</c>.</summary>
    public static XElement Members<T>(string name, IEnumerable<T> items, Func<T, IEnumerable<object?>> member) =>
        new(name, items.Select(i => new XElement("member", member(i).ToArray())));

    public static XElement MemberValues(string name, IEnumerable<string> values) =>
        new(name, values.Select(v => new XElement("member", v)));

    public static XDocument Namespaced(XElement root, XNamespace ns)
    {
        foreach (var element in root.DescendantsAndSelf())
        {
            element.Name = ns + element.Name.LocalName;
        }

        return new XDocument(new XDeclaration("1.0", "UTF-8", null), root);
    }
}
