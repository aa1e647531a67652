using System.Diagnostics;

namespace AlbBuilder.Provisioning;

/// <summary>
/// The lab's tracing: one <see cref="Activity"/> per step (start, each create, each wait, rollback, teardown, drill)
/// from the <c>AlbBuilder</c> source. Tags carry the lab's name, resource ids and the outcome: never user data.
/// </summary>
internal static class LabActivities
{
    public const string SourceName = "AlbBuilder";

    public const string LabTag = "albbuilder.lab";

    public const string StepTag = "albbuilder.step";

    public const string ResourceKindTag = "albbuilder.resource.kind";

    public const string ResourceIdTag = "albbuilder.resource.id";

    public const string OutcomeTag = "albbuilder.outcome";

    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>Starts the activity of a step (null when nobody listens); a child of the current activity.</summary>
    public static Activity? Start(string lab, string step, LabResource? resource = null)
    {
        var activity = Source.StartActivity(step);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag(LabTag, lab);
        activity.SetTag(StepTag, step);
        Tag(activity, resource);
        return activity;
    }

    public static Activity? Start(string lab, LabStep step, LabResource? resource = null) => Start(lab, step.ToString(), resource);

    /// <summary>Names the resource the step created or found (once known).</summary>
    public static void Tag(Activity? activity, LabResource? resource)
    {
        if (activity is not null && resource is not null)
        {
            activity.SetTag(ResourceKindTag, resource.Kind.ToString());
            activity.SetTag(ResourceIdTag, resource.Id);
        }
    }

    public static void Succeeded(Activity? activity)
    {
        activity?.SetTag(OutcomeTag, "completed");
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
        activity.SetTag(OutcomeTag, cancelled ? "cancelled" : "failed");
        activity.SetTag("error.type", exception.GetType().FullName);
        activity.SetStatus(ActivityStatusCode.Error, cancelled ? "cancelled" : "failed");
    }
}
