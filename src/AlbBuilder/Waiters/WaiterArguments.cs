namespace AlbBuilder.Waiters;

/// <summary>Argument checks shared by the waiter extension methods.</summary>
internal static class WaiterArguments
{
    /// <summary>Returns the ids without duplicates, or throws when there are none or one is blank.</summary>
    public static List<string> RequireIds(IReadOnlyCollection<string> ids, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(ids, parameterName);
        if (ids.Count == 0)
        {
            throw new ArgumentException("At least one id is required.", parameterName);
        }

        if (ids.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Ids must not be null or blank.", parameterName);
        }

        return ids.Distinct(StringComparer.Ordinal).ToList();
    }
}
