namespace AlbBuilder.LocalCloud.Server.Tests;

/// <summary>
/// A fact that needs a program from the machine (the AWS CLI, Chromium): reported as Skipped, with the reason, when the
/// program isn't there — never passed without running. CI installs both (.ci/run).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string tool, string debianPackage)
    {
        Tool = tool;
        if (ExternalTool.Find(tool) is null)
        {
            Skip = $"'{tool}' is not installed (Debian package {debianPackage}; .ci/run installs it as root): this test needs it.";
        }
    }

    public string Tool { get; }
}
