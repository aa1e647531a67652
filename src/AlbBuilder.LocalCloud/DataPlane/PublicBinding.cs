using System.Net;

namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>An instance's public address for its web server to listen on too, and whether its security groups admit this machine.</summary>
/// <param name="Address">The public address (a 127.0.100.x loopback address).</param>
/// <param name="AdmitsClient">Asked per request on the public address: false makes the connection fail, as a closed security group does.</param>
internal sealed record PublicBinding(IPAddress Address, Func<bool> AdmitsClient);
