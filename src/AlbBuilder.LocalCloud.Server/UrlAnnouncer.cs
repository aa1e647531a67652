namespace AlbBuilder.LocalCloud.Server;

/// <summary>Tells the user which URL to open: a line for each listener or instance address that starts or stops answering.</summary>
internal static class UrlAnnouncer
{
    /// <summary>How often the data plane is looked at; a browser user never notices half a second.</summary>
    private static readonly TimeSpan _interval = TimeSpan.FromMilliseconds(500);

    /// <summary>Announces until <paramref name="stop"/> is cancelled.</summary>
    public static async Task RunAsync(LocalCloud cloud, TextWriter output, CancellationToken stop)
    {
        var known = new Dictionary<string, LocalCloudUrl>(StringComparer.Ordinal);
        using var timer = new PeriodicTimer(_interval, TimeProvider.System);
        try
        {
            do
            {
                foreach (var line in Changes(known, cloud.GetUrls()))
                {
                    await output.WriteLineAsync(line).ConfigureAwait(false);
                }

                await output.FlushAsync(stop).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM.
        }
    }

    /// <summary>The lines for what appeared and disappeared since <paramref name="known"/>, which is brought up to date.</summary>
    public static IReadOnlyList<string> Changes(Dictionary<string, LocalCloudUrl> known, IReadOnlyList<LocalCloudUrl> now)
    {
        var lines = new List<string>();
        var current = now.ToDictionary(u => u.ResourceId + " " + u.AwsUrl, StringComparer.Ordinal);
        foreach (var (key, url) in current)
        {
            if (!known.TryGetValue(key, out var before) || before.Url != url.Url)
            {
                var kind = url.ResourceId.StartsWith("arn:", StringComparison.Ordinal) ? "load balancer" : "instance";
                var mapped = url.Url.Port == url.AwsUrl.Port && url.Url.Host == url.AwsUrl.Host ? string.Empty : $" (on AWS: {url.AwsUrl})";
                lines.Add($"open {kind} {url.Name}: {url.Url}{mapped}");
            }
        }

        foreach (var (key, url) in known.Where(k => !current.ContainsKey(k.Key)).ToList())
        {
            lines.Add($"gone {url.Name}: {url.Url}");
        }

        known.Clear();
        foreach (var (key, url) in current)
        {
            known[key] = url;
        }

        return lines;
    }
}
