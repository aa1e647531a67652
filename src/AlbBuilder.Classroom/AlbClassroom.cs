using AlbBuilder.Classroom.Building;
using AlbBuilder.Classroom.Sweeping;

namespace AlbBuilder.Classroom;

/// <summary>
/// The entry point of classrooms: many labs from one template, one per learner, started, checked and torn down
/// together — <c>AlbClassroom.Create(template).WithName("physics").ForLearners("learner-{0:00}", 30).Build()</c>.
/// </summary>
public static class AlbClassroom
{
    /// <summary>
    /// How many labs start (or are checked, or torn down) at once unless <see cref="AlbClassroomBuilder.WithMaxConcurrency"/>
    /// says otherwise: a class of 30 in one wave. The shared clients keep the request rates whatever the concurrency, so
    /// waves would only add a load balancer's provisioning time per wave (docs/performance.md).
    /// </summary>
    public const int DefaultMaxConcurrency = 30;

    /// <summary>Starts describing a classroom whose labs are all <paramref name="template"/>, each with its own name and tags.</summary>
    /// <param name="template">
    /// The lab every learner gets: instances, image, ports, health check, timeouts, and the clients, clock, polling and
    /// traffic handler (e.g. <c>AlbLab.Create().WithLocalCloud(cloud)</c>). Its name, if any, is replaced by each lab's.
    /// </param>
    /// <returns>A builder; name the class and give its learners before <see cref="AlbClassroomBuilder.Build"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="template"/> is null.</exception>
    public static AlbClassroomBuilder Create(AlbLabBuilder template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new AlbClassroomBuilder(new ClassroomSettings(template));
    }

    /// <summary>
    /// Deletes every lab of a class, found by its tags — also labs a crashed or cancelled process left behind, and
    /// learners no longer on any list. Only labs whose every resource carries AlbBuilder's ownership tags and
    /// <see cref="ClassroomTags.Class"/> = <paramref name="className"/> are touched; a lab with some resources of the
    /// class and some without is left alone and reported as failed.
    /// </summary>
    /// <param name="template">
    /// The clients, clock, polling and timeouts to delete with (its other settings are ignored): the class's template, or
    /// <c>AlbLab.Create().WithAwsClients(ec2, elb)</c>.
    /// </param>
    /// <param name="className">The class's name, compared exactly.</param>
    /// <param name="progress">Receives each lab's <see cref="ClassroomLabState.Destroying"/>, its teardown steps, then <see cref="ClassroomLabState.Destroyed"/> or <see cref="ClassroomLabState.Failed"/>.</param>
    /// <param name="cancellationToken">Cancels the sweep; running it again resumes.</param>
    /// <returns>One outcome per lab found (none when the class has no lab left).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="className"/> is empty.</exception>
    /// <exception cref="Amazon.Runtime.AmazonServiceException">AWS rejected the listing (for example missing permissions).</exception>
    public static Task<ClassroomResult> SweepAsync(AlbLabBuilder template, string className, IProgress<ClassroomEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentException.ThrowIfNullOrEmpty(className);
        return ClassSweep.RunAsync(template, className, progress, cancellationToken);
    }
}
