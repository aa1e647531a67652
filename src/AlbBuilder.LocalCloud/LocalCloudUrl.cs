namespace AlbBuilder.LocalCloud;

/// <summary>
/// Where to open a load balancer's listener or an instance's public address from this machine: the address AWS would
/// give (<c>http://demo-alb-….elb.localhost/</c>, <c>http://127.0.100.1/</c>) and the one that answers here, which differs
/// only in its port when that port could not be bound (see <see cref="LocalCloudOptions.PublishDataPlane"/>).
/// </summary>
public sealed class LocalCloudUrl
{
    internal LocalCloudUrl(string resourceId, string name, Uri awsUrl, Uri url)
    {
        ResourceId = resourceId;
        Name = name;
        AwsUrl = awsUrl;
        Url = url;
    }

    /// <summary>Gets the listener's ARN or the instance's id.</summary>
    public string ResourceId { get; }

    /// <summary>Gets a name for people: the load balancer's name, or the instance's <c>Name</c> tag (its id without one).</summary>
    public string Name { get; }

    /// <summary>Gets the address as on AWS: the load balancer's DNS name and listener port, or the instance's public IP.</summary>
    public Uri AwsUrl { get; }

    /// <summary>Gets the address that answers on this machine (a browser and curl resolve <c>*.localhost</c> to 127.0.0.1).</summary>
    public Uri Url { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Url}";
}
