using System.Globalization;
using AlbBuilder.LocalCloud.Validation;

namespace AlbBuilder.LocalCloud.Protocol;

/// <summary>
/// The flattened AWS Query parameters of one request (or a nested structure of it). A name appears once; list
/// indexes are 1-based, without leading zeros and without gaps (<c>Name.1</c>, <c>Name.2</c>, …), as the SDKs
/// serialise them; anything else is answered with the service's validation error.
/// </summary>
internal sealed class QueryParameters
{
    private readonly Dictionary<string, string> _values;
    private readonly Func<string, AwsServiceError> _invalid;

    /// <summary>Reads a request's parameters and checks their names.</summary>
    /// <param name="values">The name/value pairs as received.</param>
    /// <param name="invalid">The service's validation error for a malformed name (EC2 <c>InvalidParameterValue</c> when absent).</param>
    /// <exception cref="AwsServiceError">A name appears twice, or a list index is not 1…N.</exception>
    public QueryParameters(IEnumerable<KeyValuePair<string, string>> values, Func<string, AwsServiceError>? invalid = null)
        : this(invalid ?? (message => new AwsServiceError("InvalidParameterValue", message)))
    {
        foreach (var (key, value) in values)
        {
            if (!_values.TryAdd(key, value))
            {
                throw _invalid($"The parameter '{AwsText.Echo(key)}' is specified more than once.");
            }
        }

        CheckIndexes();
    }

    private QueryParameters(Func<string, AwsServiceError> invalid)
    {
        _values = new Dictionary<string, string>(StringComparer.Ordinal);
        _invalid = invalid;
    }

    public IReadOnlyDictionary<string, string> Values => _values;

    public string? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public bool Has(string name) => _values.ContainsKey(name);

    public bool HasPrefix(string prefix)
    {
        var dotted = prefix + ".";
        return _values.Keys.Any(k => k.StartsWith(dotted, StringComparison.Ordinal) || k == prefix);
    }

    /// <summary>Reads <c>prefix.1</c>, <c>prefix.2</c>, … in index order.</summary>
    /// <exception cref="AwsServiceError">A member's index is not a number.</exception>
    public IReadOnlyList<string> GetList(string prefix)
    {
        var dotted = prefix + ".";
        var items = new SortedDictionary<int, string>();
        foreach (var (key, value) in _values)
        {
            if (key.StartsWith(dotted, StringComparison.Ordinal))
            {
                items[Index(key, key[dotted.Length..])] = value;
            }
        }

        return items.Values.ToList();
    }

    /// <summary>Reads the structures <c>prefix.N.Field</c> as nested parameter sets, in index order.</summary>
    /// <exception cref="AwsServiceError">A member's index is not a number, or a member has no field.</exception>
    public IReadOnlyList<QueryParameters> GetStructList(string prefix)
    {
        var dotted = prefix + ".";
        var items = new SortedDictionary<int, QueryParameters>();
        foreach (var (key, value) in _values)
        {
            if (!key.StartsWith(dotted, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = key[dotted.Length..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            var index = Index(key, dot < 0 ? rest : rest[..dot]);
            if (dot < 0)
            {
                throw _invalid($"The parameter '{AwsText.Echo(key)}' must name a member of the structure.");
            }

            if (!items.TryGetValue(index, out var item))
            {
                item = new QueryParameters(_invalid);
                items[index] = item;
            }

            item._values[rest[(dot + 1)..]] = value;
        }

        return items.Values.ToList();
    }

    /// <summary>Reads the nested structure <c>prefix.Field</c>, or null when no member is present.</summary>
    public QueryParameters? GetStruct(string prefix)
    {
        var dotted = prefix + ".";
        var members = new QueryParameters(_invalid);
        foreach (var (key, value) in _values.Where(p => p.Key.StartsWith(dotted, StringComparison.Ordinal)))
        {
            members._values[key[dotted.Length..]] = value;
        }

        return members._values.Count == 0 ? null : members;
    }

    private int Index(string key, string segment) =>
        TryIndex(segment, out var index)
            ? index
            : throw _invalid($"The parameter '{AwsText.Echo(key)}' has an invalid list index; lists are numbered from 1.");

    /// <summary>A list index as the SDKs write it: 1…int.MaxValue, no sign, no leading zero.</summary>
    private static bool TryIndex(string segment, out int index)
    {
        index = 0;
        return segment.Length > 0 && segment[0] is >= '1' and <= '9'
            && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }

    /// <summary>Every numeric segment is an index: 1-based, no leading zero, and each list is numbered 1…N without gaps.</summary>
    private void CheckIndexes()
    {
        var lists = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var key in _values.Keys)
        {
            var segments = key.Split('.');
            for (var i = 1; i < segments.Length; i++)
            {
                if (segments[i].Length == 0 || !segments[i].All(char.IsAsciiDigit))
                {
                    continue;
                }

                var index = Index(key, segments[i]);
                var list = string.Join('.', segments[..i]);
                if (!lists.TryGetValue(list, out var indexes))
                {
                    indexes = [];
                    lists[list] = indexes;
                }

                indexes.Add(index);
            }
        }

        foreach (var (list, indexes) in lists)
        {
            if (indexes.Max() != indexes.Count)
            {
                throw _invalid($"The list '{AwsText.Echo(list)}' must be numbered 1 to {indexes.Count} without gaps.");
            }
        }
    }
}
