namespace AlbBuilder.Building;

/// <summary>What a lab uses for every setting the builder (or the DI options) leaves unset.</summary>
internal static class LabDefaults
{
    public const int InstanceCount = 2;

    public const string InstanceType = "t3.micro";

    /// <summary>Amazon Linux 2023 via the public SSM parameter (Amazon Linux 2 reached end of support on 2026-06-30).</summary>
    public const string ImageId = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";

    public const int ListenerPort = 80;

    public const int TargetPort = 80;

    /// <summary>AWS's default is 300 s, which makes every teardown and drill wait five minutes; a lab needs little.</summary>
    public static readonly TimeSpan DeregistrationDelay = TimeSpan.FromSeconds(30);

    /// <summary>Gentler than AWS's own 15 s waiter delay where a lab step is usually quick, well within API rate limits.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
}
