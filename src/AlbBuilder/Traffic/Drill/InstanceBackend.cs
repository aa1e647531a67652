namespace AlbBuilder.Traffic;

/// <summary>Which instance a backend name (what the page printed) belongs to.</summary>
internal static class InstanceBackend
{
    /// <summary>
    /// Whether <paramref name="backend"/> names <paramref name="instance"/>: its private DNS name, that name's first label
    /// (pages may print <c>ip-172-31-1-10.us-east-1.compute.internal</c> where EC2 says <c>ip-172-31-1-10.ec2.internal</c>),
    /// its id or its Name tag. Case is ignored.
    /// </summary>
    public static bool Matches(InstanceStatus instance, string? backend)
    {
        if (string.IsNullOrEmpty(backend))
        {
            return false;
        }

        if (!string.IsNullOrEmpty(instance.PrivateDnsName)
            && (Same(backend, instance.PrivateDnsName) || Same(FirstLabel(backend), FirstLabel(instance.PrivateDnsName))))
        {
            return true;
        }

        return Same(backend, instance.InstanceId) || (instance.Name is not null && Same(backend, instance.Name));
    }

    /// <summary>The instance's name for people: its Name tag, or its id.</summary>
    public static string Label(InstanceStatus instance) => instance.Name ?? instance.InstanceId;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string FirstLabel(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? name : name[..dot];
    }
}
