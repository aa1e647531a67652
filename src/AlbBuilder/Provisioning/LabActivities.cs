using System.Diagnostics;

namespace AlbBuilder.Provisioning;

/// <summary>
/// The lab's tracing: one <see cref="Activity"/> per step (start, each create, each wait, rollback, teardown, drill)
/// from the <c>AlbBuilder</c> source. Tags carry the lab's name, resource ids and the outcome: never user data.
/// </summary>
internal static class LabActivities
{
    /// <summary>The source's name, the one to listen to (<c>AddSource("AlbBuilder")</c>); tags are named <c>albbuilder.*</c>.</summary>
    public const string SourceName = "AlbBuilder";

    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>Starts the activity of a step (null when nobody listens); a child of the current activity.</summary>
    public static Activity? Start(string lab, string step, LabResource? resource = null)
    {
        var activity = Source.StartActivity(step);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("albbuilder.lab", lab);
        activity.SetTag("albbuilder.step", step);
        Tag(activity, resource);
        return activity;
    }

    public static Activity? Start(string lab, LabStep step, LabResource? resource = null) => Start(lab, step.ToString(), resource);

    /// <summary>Names the resource the step created or found (once known).</summary>
    public static void Tag(Activity? activity, LabResource? resource)
    {
        if (activity is not null && resource is not null)
        {
            activity.SetTag("albbuilder.resource.kind", resource.Kind.ToString());
            activity.SetTag("albbuilder.resource.id", resource.Id);
        }
    }

    public static void Succeeded(Activity? activity)
    {
        activity?.SetTag("albbuilder.outcome", "completed");
        activity?.SetStatus(ActivityStatusCode.Ok);
    }

    /// <summary>Failed or cancelled; only the exception's type goes on the activity (messages may quote user input).</summary>
    public static void Failed(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        var cancelled = exception is OperationCanceledException;
        activity.SetTag("albbuilder.outcome", cancelled ? "cancelled" : "failed");
        activity.SetTag("error.type", exception.GetType().FullName);
        activity.SetStatus(ActivityStatusCode.Error, cancelled ? "cancelled" : "failed");
    }
}
