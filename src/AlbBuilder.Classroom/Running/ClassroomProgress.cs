namespace AlbBuilder.Classroom.Running;

/// <summary>Turns a lab's states and its own <see cref="LabEvent"/>s into <see cref="ClassroomEvent"/>s for one observer.</summary>
internal sealed class ClassroomProgress(IProgress<ClassroomEvent>? progress, TimeProvider time)
{
    public void State(ClassroomLab lab, ClassroomLabState state, Exception? error = null) =>
        progress?.Report(new ClassroomEvent(time.GetUtcNow(), lab.Learner, lab.Lab.Name, state, null, error));

    /// <summary>The lab's own progress, reported under <paramref name="state"/>; null without an observer (the lab then reports nothing).</summary>
    public IProgress<LabEvent>? ForLab(ClassroomLab lab, ClassroomLabState state) =>
        progress is null ? null : new LabSteps(progress, lab, state);

    private sealed class LabSteps(IProgress<ClassroomEvent> progress, ClassroomLab lab, ClassroomLabState state) : IProgress<LabEvent>
    {
        public void Report(LabEvent value) =>
            progress.Report(new ClassroomEvent(value.Timestamp, lab.Learner, lab.Lab.Name, state, value));
    }
}
