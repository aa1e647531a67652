namespace AlbBuilder.LocalCloud.Server.Tests;

/// <summary>Debian's headless Chromium, one process per page load, with the flags this closed network needs.</summary>
internal static class Chromium
{
    public static string Executable => ExternalTool.Find("chromium") ?? "chromium";

    /// <summary>Loads <paramref name="url"/> in a fresh headless browser and returns the DOM it rendered.</summary>
    public static async Task<string> DumpDomAsync(Uri url) => await RunAsync(["--dump-dom", url.ToString()]);

    /// <summary>Saves a screenshot of <paramref name="url"/> as a PNG.</summary>
    public static async Task ScreenshotAsync(Uri url, string path) =>
        await RunAsync([$"--screenshot={path}", "--window-size=900,260", "--hide-scrollbars", url.ToString()]);

    private static async Task<string> RunAsync(IEnumerable<string> arguments)
    {
        var profile = Directory.CreateTempSubdirectory("albbuilder-chromium-");
        try
        {
            string[] flags =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", $"--user-data-dir={profile.FullName}",
            ];
            var (exitCode, output) = await ExternalTool.RunAsync(ExternalTool.StartInfo(Executable, [.. flags, .. arguments]), TimeSpan.FromSeconds(60));
            Assert.True(exitCode == 0, $"chromium exited with {exitCode}:\n{output}");
            return output;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
