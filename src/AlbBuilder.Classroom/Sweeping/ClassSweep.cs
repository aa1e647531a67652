using AlbBuilder.Classroom.Running;

namespace AlbBuilder.Classroom.Sweeping;

/// <summary>
/// Deletes every lab of a class, found by its tags alone: no list of learners is needed, so it also removes what a
/// crashed or cancelled process left, and learners dropped from the list since.
/// </summary>
internal static class ClassSweep
{
    public static async Task<ClassroomResult> RunAsync(AlbLabBuilder template, string className, IProgress<ClassroomEvent>? progress, CancellationToken cancellationToken)
    {
        var services = new ClassroomServices(template, AwsRequestRates.Default);
        try
        {
            var started = services.TimeProvider.GetTimestamp();
            var found = await ClassLabs.FindAsync(services.Clients, className, cancellationToken).ConfigureAwait(false);
            var reporter = new ClassroomProgress(progress, services.TimeProvider);
            var work = new LabWork(reporter, services.TimeProvider);
            var outcomes = await BoundedLabs.RunAsync(
                [.. found.Select(lab => new ClassroomLab(lab.Learner, LabFor(template, services, lab)))],
                AlbClassroom.DefaultMaxConcurrency,
                lab => SweepAsync(lab, found, reporter, work, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return new ClassroomResult(ClassroomOperation.Sweep, outcomes, services.TimeProvider.GetElapsedTime(started));
        }
        finally
        {
            services.DisposeOwnedClients();
        }
    }

    private static async Task<LabOutcome> SweepAsync(ClassroomLab lab, IReadOnlyList<ClassLab> found, ClassroomProgress reporter, LabWork work, CancellationToken cancellationToken)
    {
        var classLab = found.First(f => f.LabName == lab.Lab.Name);
        if (classLab.Foreign.Count > 0)
        {
            // The lab's teardown deletes by lab name: it would take the resources without the class tag too.
            var error = new AlbLabException(
                $"Lab {classLab.LabName} was not swept: {string.Join(", ", classLab.Foreign)} carr{(classLab.Foreign.Count == 1 ? "ies" : "y")} its ownership tags but not " +
                $"{ClassroomTags.Class}={classLab.ClassName}. Check them, then destroy the lab by name (AlbLab.Create(\"{classLab.LabName}\")…DestroyAsync()).");
            reporter.State(lab, ClassroomLabState.Failed, error);
            return new LabOutcome(lab.Learner, lab.Lab.Name, error, TimeSpan.Zero);
        }

        await using (lab.Lab.ConfigureAwait(false))
        {
            return await work.DestroyAsync(lab, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The lab as the template, named as found; its clients are the sweep's shared ones.</summary>
    private static IAlbLab LabFor(AlbLabBuilder template, ClassroomServices services, ClassLab lab) =>
        template.WithName(lab.LabName).WithSharedClients(services.LabClients).Build();
}
