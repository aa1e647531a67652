namespace AlbBuilder.LocalCloud.Tests.Cloud;

/// <summary>
/// Tests that check which loopback ports are open run alone: a parallel test could otherwise bind a port one of
/// them just released and make "no port stays open" look false.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PortSensitiveCollection
{
    public const string Name = "Port-sensitive";
}
