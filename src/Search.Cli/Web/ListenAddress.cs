using System.Net;
using System.Net.Sockets;

namespace Search.Cli.Web;

/// <summary>Where the server listens: an IP address (127.0.0.1 unless --host says otherwise) and a port.</summary>
public static class ListenAddress
{
    /// <summary>Tried first when no --port is given; another free port when it is taken.</summary>
    public const int DefaultPort = 8737;

    /// <summary>The --host value: an IP address, or <c>localhost</c>. Host names other than that are
    /// refused, so what the server exposes is never a matter of name resolution.</summary>
    public static IPAddress ParseHost(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            return IPAddress.Loopback;
        string bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (IPAddress.TryParse(bare, out var address))
            return address;
        throw new UsageException($"--host needs an IP address (127.0.0.1, ::1, 0.0.0.0, 192.168.1.5) or localhost, not '{host}'");
    }

    public static bool IsLoopbackAddress(IPAddress address) => IPAddress.IsLoopback(address);

    /// <summary>The default port when it is free on <paramref name="address"/>, else 0 (the system picks one).</summary>
    public static int FreeDefaultPort(IPAddress address)
    {
        try
        {
            var probe = new TcpListener(address, DefaultPort) { ExclusiveAddressUse = true };
            probe.Start();
            probe.Stop();
            return DefaultPort;
        }
        catch (SocketException)
        {
            return 0;
        }
    }

    /// <summary>The address as a URL host: IPv6 in brackets; any-address shown as this machine's name.</summary>
    public static string UrlHost(IPAddress address) =>
        address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? Dns.GetHostName()
        : address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
}
