using System.Globalization;
using System.Xml.Linq;

namespace AlbBuilder.ElasticLoadBalancingV2.Internal;

/// <summary>Reads AWS Query XML: elements matched by local name, so a missing or changed namespace does no harm.</summary>
internal static class QueryXml
{
    internal static XElement? Child(XElement? parent, string localName)
    {
        if (parent is null)
        {
            return null;
        }

        foreach (var child in parent.Elements())
        {
            if (child.Name.LocalName == localName)
            {
                return child;
            }
        }

        return null;
    }

    internal static int ToInt(XElement element) => int.Parse(element.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    internal static long ToLong(XElement element) => long.Parse(element.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    internal static bool ToBool(XElement element) => bool.Parse(element.Value.Trim());

    internal static DateTime ToDateTime(XElement element) =>
        DateTime.Parse(element.Value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>A list serialized as <c>&lt;Name&gt;&lt;member&gt;…&lt;/member&gt;&lt;/Name&gt;</c>; an empty element gives an empty list.</summary>
    internal static List<T> ToList<T>(XElement element, Func<XElement, T> read)
    {
        var list = new List<T>();
        foreach (var member in element.Elements())
        {
            if (member.Name.LocalName == "member")
            {
                list.Add(read(member));
            }
        }

        return list;
    }

    /// <summary>A map serialized as <c>&lt;entry&gt;&lt;key/&gt;&lt;value/&gt;&lt;/entry&gt;</c>.</summary>
    internal static Dictionary<TKey, TValue> ToDictionary<TKey, TValue>(XElement element, Func<XElement, TKey> readKey, Func<XElement, TValue> readValue)
        where TKey : notnull
    {
        var map = new Dictionary<TKey, TValue>();
        foreach (var entry in element.Elements())
        {
            if (entry.Name.LocalName != "entry" || Child(entry, "key") is not { } key || Child(entry, "value") is not { } value)
            {
                continue;
            }

            map[readKey(key)] = readValue(value);
        }

        return map;
    }
}
