using System.Globalization;

namespace AlbBuilder.LocalCloud.Protocol;

/// <summary>The flattened AWS Query parameters of one request (or a nested structure of it).</summary>
internal sealed class QueryParameters
{
    private readonly Dictionary<string, string> _values;

    public QueryParameters(IEnumerable<KeyValuePair<string, string>> values)
    {
        _values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in values)
        {
            _values[pair.Key] = pair.Value;
        }
    }

    public IReadOnlyDictionary<string, string> Values => _values;

    public string? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public bool Has(string name) => _values.ContainsKey(name);

    public bool HasPrefix(string prefix)
    {
        var dotted = prefix + ".";
        return _values.Keys.Any(k => k.StartsWith(dotted, StringComparison.Ordinal) || k == prefix);
    }

    /// <summary>Reads <c>prefix.1</c>, <c>prefix.2</c>, … in index order (gaps allowed).</summary>
    public IReadOnlyList<string> GetList(string prefix)
    {
        var dotted = prefix + ".";
        var items = new SortedDictionary<int, string>();
        foreach (var (key, value) in _values)
        {
            if (key.StartsWith(dotted, StringComparison.Ordinal)
                && int.TryParse(key.AsSpan(dotted.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                items[index] = value;
            }
        }

        return items.Values.ToList();
    }

    /// <summary>Reads the structures <c>prefix.N.Field</c> as nested parameter sets, in index order.</summary>
    public IReadOnlyList<QueryParameters> GetStructList(string prefix)
    {
        var dotted = prefix + ".";
        var items = new SortedDictionary<int, List<KeyValuePair<string, string>>>();
        foreach (var (key, value) in _values)
        {
            if (!key.StartsWith(dotted, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = key.AsSpan(dotted.Length);
            var dot = rest.IndexOf('.');
            if (dot <= 0
                || !int.TryParse(rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                continue;
            }

            if (!items.TryGetValue(index, out var list))
            {
                list = [];
                items[index] = list;
            }

            list.Add(new KeyValuePair<string, string>(rest[(dot + 1)..].ToString(), value));
        }

        return items.Values.Select(v => new QueryParameters(v)).ToList();
    }

    /// <summary>Reads the nested structure <c>prefix.Field</c>, or null when no member is present.</summary>
    public QueryParameters? GetStruct(string prefix)
    {
        var dotted = prefix + ".";
        var members = _values
            .Where(p => p.Key.StartsWith(dotted, StringComparison.Ordinal))
            .Select(p => new KeyValuePair<string, string>(p.Key[dotted.Length..], p.Value))
            .ToList();
        return members.Count == 0 ? null : new QueryParameters(members);
    }
}
