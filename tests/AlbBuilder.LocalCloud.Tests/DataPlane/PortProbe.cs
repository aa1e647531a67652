using System.Net;
using System.Net.Sockets;

namespace AlbBuilder.LocalCloud.Tests.DataPlane;

/// <summary>Checks whether anything accepts TCP connections on a loopback port.</summary>
internal static class PortProbe
{
    public static async Task<bool> IsAcceptingAsync(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return false;
        }
    }

    /// <summary>A port nothing listens on (bound by the OS, then released).</summary>
    public static int FreePort()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
