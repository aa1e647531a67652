using Spectre.Console;

namespace AlbBuilder.Sample.Commands;

/// <summary>Why a command that works on an existing lab starts one first on LocalCloud.</summary>
internal static class LocalNote
{
    public const string Help = "LocalCloud: starts its own lab first and removes it after. --aws: the lab from `up --aws`.";

    /// <summary>LocalCloud stores user data but never runs it (issue 12): say so where the lab starts.</summary>
    public const string UserData =
        "LocalCloud does not run user data: every instance serves LocalCloud's built-in page (\"Hello World from …\" on / and /index.html, 404 elsewhere), " +
        "whatever the script says. On AWS the script runs at boot. A test can give instances their own pages with LocalCloudOptions.ConfigureInstance.";

    public static void PrintUserData(IAnsiConsole console) => console.MarkupLine($"[grey]{Markup.Escape(UserData)}[/]");

    public static void Print(IAnsiConsole console, string command) =>
        console.MarkupLine($"[grey]LocalCloud lives only inside this process, so [bold]{command}[/] starts a lab here first and removes it at the end. With [bold]--aws[/] it works on a lab left by an earlier [bold]up --aws[/].[/]");
}
