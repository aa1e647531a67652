namespace AlbBuilder.Sample.Rendering;

/// <summary>Names a backend (what the page printed, a private DNS name) after its instance, e.g. <c>demo-1 (ip-10-0-1-5…)</c>.</summary>
internal static class BackendLabels
{
    public static InstanceStatus? FindInstance(LabStatus? status, string backend) =>
        status?.Instances.FirstOrDefault(i =>
            i.PrivateDnsName is { Length: > 0 } dns
            && (Same(dns, backend) || Same(FirstLabel(dns), FirstLabel(backend))));

    /// <summary>The instance's name and the backend's host name (its first label), e.g. <c>demo-1 (ip-172-31-0-11)</c>.</summary>
    public static string Label(LabStatus? status, string backend) =>
        FindInstance(status, backend) is { Name: { } name } ? $"{name} ({FirstLabel(backend)})" : backend;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string FirstLabel(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? name : name[..dot];
    }
}
