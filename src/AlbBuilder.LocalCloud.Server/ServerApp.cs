using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;

namespace AlbBuilder.LocalCloud.Server;

/// <summary>The <c>localcloud</c> command: start LocalCloud on a fixed loopback port, print how to use it, serve until stopped.</summary>
internal static class ServerApp
{
    /// <summary>Exit code for bad arguments (as the sample).</summary>
    public const int UsageExitCode = 2;

    /// <summary>Parses <paramref name="args"/>, serves until <paramref name="stop"/> is cancelled, then shuts down.</summary>
    /// <returns>0 after a clean shutdown, 1 when LocalCloud could not start, 2 for bad arguments.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken stop)
    {
        var port = new Option<int>("--port", "-p")
        {
            Description = $"The 127.0.0.1 port both services answer on (AWS_ENDPOINT_URL). Default {ServerSettings.DefaultPort}; 0 picks a free one.",
            DefaultValueFactory = _ => ServerSettings.DefaultPort,
        };
        var bind = new Option<string>("--bind")
        {
            Description = "The address to listen on. Only 127.0.0.1 (or localhost) is accepted: LocalCloud checks no credentials.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var region = new Option<string>("--region") { Description = "The emulated region.", DefaultValueFactory = _ => "us-east-1" };
        var speed = new Option<double>("--speed")
        {
            Description = "How many times faster than AWS life cycles run (a load balancer that provisions for 2 minutes on AWS takes 120/speed s). Default 50, as the sample.",
            DefaultValueFactory = _ => ServerSettings.DefaultSpeed,
        };
        var instant = new Option<bool>("--instant") { Description = "No emulated latency at all (the tests' profile)." };
        var verify = new Option<bool>("--accept-unsigned") { Description = "Accept requests that are not signed with the printed credentials (signatures are verified by default)." };
        var noThrottling = new Option<bool>("--no-throttling")
        {
            Description = "Never answer RequestLimitExceeded / Throttling. By default AWS's request rates apply, refilled --speed times faster (none with --instant).",
        };
        var root = new RootCommand(
            "localcloud: LocalCloud (EC2 + ELBv2 with a real load balancer data plane) as an endpoint for the AWS CLI, SDKs and a browser. " +
            "Serves on 127.0.0.1 until Ctrl+C or SIGTERM.")
        {
            port, bind, region, speed, instant, verify, noThrottling,
        };
        var parsed = root.Parse(args);
        var problems = parsed.Errors.Select(e => e.Message).ToList();
        var (address, bindError) = ServerSettings.ParseBind(parsed.GetValue(bind) ?? "127.0.0.1");
        if (bindError is not null)
        {
            problems.Add(bindError);
        }

        if (problems.Count == 0 && parsed.GetValue(port) is < 0 or > 65535)
        {
            problems.Add("--port must be 0–65535.");
        }

        if (problems.Count == 0 && parsed.GetValue(speed) is < 1 or > 1000)
        {
            problems.Add("--speed must be 1–1000.");
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync(problem).ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run `localcloud --help` for the options.").ConfigureAwait(false);
            return UsageExitCode;
        }

        var result = 0;
        root.SetAction(async (_, _) =>
        {
            var profile = parsed.GetValue(instant) ? LatencyProfile.Instant : LatencyProfile.Realistic(1.0 / parsed.GetValue(speed));
            var settings = new ServerSettings(address!, parsed.GetValue(port), parsed.GetValue(region)!, profile, !parsed.GetValue(verify))
            {
                Throttling = parsed.GetValue(noThrottling) ? LocalCloudThrottling.Off : LocalCloudThrottling.Aws,
            };
            result = await ServeAsync(settings, output, error, stop).ConfigureAwait(false);
            return result;
        });
        await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, CancellationToken.None).ConfigureAwait(false);
        return result;
    }

    /// <summary>Starts LocalCloud, prints the environment to paste and every URL to open as they come and go, stops cleanly.</summary>
    public static async Task<int> ServeAsync(ServerSettings settings, TextWriter output, TextWriter error, CancellationToken stop)
    {
        LocalCloud cloud;
        try
        {
            cloud = await LocalCloud.StartAsync(
                new LocalCloudOptions
                {
                    Port = settings.Port,
                    Region = settings.Region,
                    LatencyProfile = settings.Profile,
                    VerifySignatures = settings.VerifySignatures,
                    Throttling = settings.Throttling,
                    PublishDataPlane = true,
                },
                stop).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            await error.WriteLineAsync($"LocalCloud could not listen on 127.0.0.1:{settings.Port}: {ex.Message} Is another localcloud running? Pick another port with --port.").ConfigureAwait(false);
            return 1;
        }

        await using (cloud.ConfigureAwait(false))
        {
            var endpoint = cloud.ServiceUrl.GetLeftPart(UriPartial.Authority);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"LocalCloud is serving EC2 and ELBv2 on {endpoint} ({cloud.LatencyProfile}, region {cloud.Region}). Ctrl+C stops it.")).ConfigureAwait(false);
            await output.WriteLineAsync("Paste into your shell (then: aws elbv2 describe-load-balancers, dotnet run --project samples/ConsoleSample -- up):").ConfigureAwait(false);
            await output.WriteLineAsync($"AWS_ENDPOINT_URL={endpoint}").ConfigureAwait(false);
            await output.WriteLineAsync($"AWS_ACCESS_KEY_ID={LocalCloud.AccessKeyId}").ConfigureAwait(false);
            await output.WriteLineAsync($"AWS_SECRET_ACCESS_KEY={LocalCloud.SecretAccessKey}").ConfigureAwait(false);
            await output.WriteLineAsync($"AWS_REGION={cloud.Region}").ConfigureAwait(false);

            // AWS CLI v1 and boto3 read the region from AWS_DEFAULT_REGION only.
            await output.WriteLineAsync($"AWS_DEFAULT_REGION={cloud.Region}").ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await UrlAnnouncer.RunAsync(cloud, output, stop).ConfigureAwait(false);
            await output.WriteLineAsync("Stopping LocalCloud…").ConfigureAwait(false);
        }

        await output.WriteLineAsync("LocalCloud stopped: every instance server, front door and timer is stopped and every port is closed.").ConfigureAwait(false);
        await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }
}
