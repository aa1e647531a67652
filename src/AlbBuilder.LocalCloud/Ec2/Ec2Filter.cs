using AlbBuilder.LocalCloud.Protocol;

namespace AlbBuilder.LocalCloud.Ec2;

/// <summary>An EC2 describe filter (<c>Filter.N.Name</c>, <c>Filter.N.Value.M</c>) with AWS's <c>*</c>/<c>?</c> wildcards.</summary>
internal sealed record Ec2Filter(string Name, IReadOnlyList<string> Values)
{
    public static IReadOnlyList<Ec2Filter> Parse(QueryParameters parameters) =>
        parameters.GetStructList("Filter")
            .Select(f => new Ec2Filter(
                f.Get("Name") ?? throw Ec2Errors.InvalidParameterValue("The filter 'null' is invalid"),
                f.GetList("Value")))
            .ToList();

    /// <summary>True when every filter matches (AND), each by any of its values (OR).</summary>
    public static bool MatchesAll(
        IReadOnlyList<Ec2Filter> filters,
        Func<string, IEnumerable<string?>?> attribute,
        IReadOnlyDictionary<string, string> tags)
    {
        foreach (var filter in filters)
        {
            IEnumerable<string?>? actual;
            if (filter.Name.StartsWith("tag:", StringComparison.Ordinal))
            {
                actual = tags.TryGetValue(filter.Name[4..], out var value) ? [value] : [];
            }
            else
            {
                actual = filter.Name switch
                {
                    "tag-key" => tags.Keys,
                    "tag-value" => tags.Values,
                    _ => attribute(filter.Name) ?? throw Ec2Errors.InvalidParameterValue($"The filter '{filter.Name}' is invalid"),
                };
            }

            var candidates = actual.Where(a => a is not null).Select(a => a!).ToList();
            if (!filter.Values.Any(pattern => candidates.Any(c => Matches(pattern, c))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// AWS's filter wildcards: <c>*</c> any run of characters, <c>?</c> exactly one. A two-pointer glob match
    /// (backtracking only to the last <c>*</c>), so time is bounded by pattern × value length, with no regex
    /// and no timeout: it runs under the state's lock, and a hostile pattern must not hold it.
    /// </summary>
    internal static bool Matches(string pattern, string value)
    {
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == value[v]))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
