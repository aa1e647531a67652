namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>What the front door does with a request.</summary>
internal enum RouteAction
{
    /// <summary>Forward to a loopback destination.</summary>
    Forward,

    /// <summary>Answer with a status (and optional body) without contacting a target.</summary>
    Respond,

    /// <summary>Answer with a redirect.</summary>
    Redirect,

    /// <summary>Abort the connection (as when a security group drops the client's packets).</summary>
    Reject,
}
