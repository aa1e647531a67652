using System.Globalization;
using System.Text;
using AlbBuilder.Ec2;
using AlbBuilder.Waiters;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AlbBuilder.Provisioning;

/// <summary>
/// The lab's instances, named <c>&lt;lab&gt;-N</c>: launches the missing ones round-robin over the AZs (one RunInstances per
/// AZ), starts stopped adopted ones, waits until all run; finds them by tag and index; terminates them.
/// </summary>
internal static class LabInstances
{
    /// <summary>How many RunInstances per AZ a start makes when reservations keep coming back with instances already gone.</summary>
    private const int MaxLaunchAttempts = 3;

    /// <summary>
    /// Launches the missing instances, then waits until every lab instance runs. An AZ that gets one instance has its Name
    /// tag set at launch; in an AZ that gets several, each instance needs its own CreateTags call (a Name differs per
    /// instance; one RunInstances tags them alike).
    /// </summary>
    public static async Task<IReadOnlyList<string>> EnsureAsync(LabStart start, Task<string> instanceGroup, LabNetwork network)
    {
        var groupId = await instanceGroup.ConfigureAwait(false);
        var definition = start.Definition;
        var adopted = start.Found.Instances.Where(i => i.Key <= definition.InstanceCount).ToList();
        await StartStoppedAsync(
            start,
            [.. adopted.Where(i => i.Value.StateName() is "stopped").Select(i => i.Value.InstanceId).OfType<string>()],
            [.. adopted.Where(i => i.Value.StateName() is "stopping").Select(i => i.Value.InstanceId).OfType<string>()]).ConfigureAwait(false);

        var present = start.Inventory.Instances;
        var missing = Enumerable.Range(1, definition.InstanceCount).Where(i => !present.ContainsKey(i)).ToList();
        await Task.WhenAll(missing
            .GroupBy(i => network.InstanceSubnets[(i - 1) % network.InstanceSubnets.Count])
            .Select(g => LaunchInZoneAsync(start, g.Key, [.. g], groupId))).ConfigureAwait(false);

        // An interrupted start may have left adopted instances without their Name (the finder gave them a free index).
        foreach (var (index, instance) in adopted)
        {
            if (instance.InstanceId is { } id && instance.Tags.TagValue("Name") != definition.InstanceName(index))
            {
                await NameAsync(start, index, id).ConfigureAwait(false);
            }
        }

        var ids = start.Inventory.Instances.Values.ToList();
        await start.Steps.RunAsync(
            LabStep.WaitInstancesRunning,
            $"Waiting for {ids.Count} instance(s) to run",
            ct => start.Lab.Ec2.WaitUntilInstancesRunningAsync(ids, start.Waits(definition.Timeouts.InstancesRunning, LabStep.WaitInstancesRunning), ct),
            _ => $"Running: {string.Join(", ", ids)}").ConfigureAwait(false);
        return ids;
    }

    /// <summary>
    /// The lab's live instances by index from the Name tag (<c>&lt;lab&gt;-N</c>). Instances without a readable one (a start
    /// interrupted between RunInstances and naming them) take the lowest free indexes, in launch order, so that a resumed
    /// start counts them instead of launching duplicates.
    /// </summary>
    public static async Task<SortedDictionary<int, Instance>> FindAsync(IAmazonEC2 ec2, string lab, CancellationToken cancellationToken)
    {
        var instances = (await Ec2Queries.DescribeInstancesAsync(ec2, [Ec2ModelExtensions.TagFilter(LabTags.Lab, lab), Ec2ModelExtensions.LiveInstanceStates()], cancellationToken).ConfigureAwait(false))
            .Where(i => LabOwnership.IsOwned(lab, key => i.Tags.TagValue(key)) && i.Tags.TagValue(LabTags.Role) == LabRoles.Instance);
        var indexed = new SortedDictionary<int, Instance>();
        var unnamed = new List<Instance>();
        foreach (var instance in instances.OrderBy(i => i.InstanceId, StringComparer.Ordinal))
        {
            var tag = instance.Tags.TagValue("Name");
            if (tag is not null && tag.StartsWith(lab + "-", StringComparison.Ordinal)
                && int.TryParse(tag.AsSpan(lab.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index > 0 && !indexed.ContainsKey(index))
            {
                indexed[index] = instance;
            }
            else
            {
                unnamed.Add(instance);
            }
        }

        var free = 1;
        foreach (var instance in unnamed.OrderBy(i => i.LaunchTime ?? DateTime.MaxValue).ThenBy(i => i.AmiLaunchIndex ?? 0).ThenBy(i => i.InstanceId, StringComparer.Ordinal))
        {
            while (indexed.ContainsKey(free))
            {
                free++;
            }

            indexed[free] = instance;
        }

        return indexed;
    }

    /// <summary>
    /// The lab's own (ownership-tagged) live instances that use <paramref name="groupId"/>: a create whose response was lost
    /// can launch instances after the lab was looked up, and they keep the lab's groups in use for ever.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FindUsingGroupAsync(IAmazonEC2 ec2, string lab, string groupId, CancellationToken cancellationToken)
    {
        var instances = await Ec2Queries.DescribeInstancesAsync(ec2, [Ec2ModelExtensions.TagFilter(LabTags.Lab, lab), Ec2ModelExtensions.LiveInstanceStates()], cancellationToken).ConfigureAwait(false);
        return [.. instances
            .Where(i => i.InstanceId is not null
                && i.StateName() is not ("shutting-down" or "terminated")
                && LabOwnership.IsOwned(lab, key => i.Tags.TagValue(key))
                && (i.SecurityGroups ?? []).Any(g => g.GroupId == groupId))
            .Select(i => i.InstanceId!)];
    }

    /// <summary>One call for all; if EC2 doesn't know one of them, one call each so the others still go. Returns those that existed.</summary>
    public static async Task<IReadOnlyList<string>> TerminateAsync(IAmazonEC2 ec2, IReadOnlyList<string> instanceIds, CancellationToken ct)
    {
        try
        {
            await ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [.. instanceIds] }, ct).ConfigureAwait(false);
            return instanceIds;
        }
        catch (AmazonEC2Exception ex) when (ex.HasErrorCode(Ec2ErrorCodes.InvalidInstanceIdNotFound) && instanceIds.Count > 1)
        {
            var live = new List<string>();
            foreach (var id in instanceIds)
            {
                try
                {
                    await ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] }, ct).ConfigureAwait(false);
                    live.Add(id);
                }
                catch (AmazonEC2Exception single) when (single.HasErrorCode(Ec2ErrorCodes.InvalidInstanceIdNotFound))
                {
                }
            }

            return live;
        }
        catch (AmazonEC2Exception ex) when (ex.HasErrorCode(Ec2ErrorCodes.InvalidInstanceIdNotFound))
        {
            return [];
        }
    }

    /// <summary>Terminates the instances and waits until those that existed are terminated.</summary>
    public static async Task TerminateAndWaitAsync(LabContext lab, LabProgress progress, IReadOnlyList<string> instanceIds, CancellationToken ct)
    {
        var live = await TerminateAsync(lab.Ec2, instanceIds, ct).ConfigureAwait(false);
        if (live.Count > 0)
        {
            await lab.Ec2.WaitUntilInstancesTerminatedAsync(live, lab.Waits(lab.TeardownTimeout, progress, LabStep.TerminateInstances), ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// An adopted instance that was stopped must run again before it can be registered. One still <c>stopping</c> cannot be
    /// started yet (IncorrectInstanceState) and would fail the running-waiter: wait until it is stopped, then start it.
    /// </summary>
    private static async Task StartStoppedAsync(LabStart start, List<string> stopped, List<string> stopping)
    {
        if (stopping.Count > 0)
        {
            await start.Steps.RunAsync(
                LabStep.StartInstances,
                $"Waiting for stopping instance(s) {string.Join(", ", stopping)} to stop before starting them",
                ct => start.Lab.Ec2.WaitUntilInstancesStoppedAsync(stopping, start.Waits(start.Definition.Timeouts.InstancesRunning, LabStep.StartInstances), ct),
                "Stopped").ConfigureAwait(false);
        }

        List<string> toStart = [.. stopped, .. stopping];
        if (toStart.Count == 0)
        {
            return;
        }

        await start.Steps.RunAsync(
            LabStep.StartInstances,
            $"Starting stopped instance(s) {string.Join(", ", toStart)}",
            ct => start.Lab.Ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = toStart }, ct),
            "Started").ConfigureAwait(false);
    }

    /// <summary>
    /// Launches <paramref name="indexes"/> in one AZ. A reservation can come back with instances already shutting down or
    /// terminated (a client token EC2 still remembers from instances that are gone): those count as not launched, and
    /// their indexes are launched again with a fresh token, a bounded number of times.
    /// </summary>
    private static async Task LaunchInZoneAsync(LabStart start, LabSubnet subnet, IReadOnlyList<int> indexes, string groupId)
    {
        var launched = await start.Steps.RunAsync(
            LabStep.RunInstances,
            $"Launching {indexes.Count} × {start.Definition.InstanceType} in {subnet.AvailabilityZone} ({subnet.SubnetId})",
            async ct =>
            {
                var named = new List<(int Index, string Id, bool NamedAtLaunch)>();
                IReadOnlyList<int> remaining = indexes;
                for (var attempt = 1; remaining.Count > 0; attempt++)
                {
                    var (live, gone) = await LaunchOnceAsync(start, subnet, remaining, groupId, attempt, ct).ConfigureAwait(false);
                    var namedAtLaunch = remaining.Count == 1;
                    named.AddRange(live.Select(l => (l.Index, l.Id, namedAtLaunch)));
                    if (gone.Count > 0)
                    {
                        var goneText = string.Join(", ", gone.Select(g => $"{g.Id} ({g.State})"));
                        if (attempt >= MaxLaunchAttempts)
                        {
                            throw new InvalidOperationException(
                                $"RunInstances in {subnet.AvailabilityZone} returned instances that are already gone ({goneText}) {attempt} times; "
                                + "check for something terminating the lab's instances (an Auto Scaling group, a cleanup job) and start the lab again.");
                        }

                        start.Progress.Progress(LabStep.RunInstances, $"RunInstances returned instance(s) already gone: {goneText}; launching replacements with a new client token");
                    }

                    remaining = [.. gone.Select(g => g.Index)];
                }

                return named;
            },
            result => $"Launched {string.Join(", ", result.Select(i => i.Id))} in {subnet.AvailabilityZone}").ConfigureAwait(false);

        foreach (var (index, id, _) in launched.Where(l => !l.NamedAtLaunch))
        {
            await NameAsync(start, index, id).ConfigureAwait(false);
        }
    }

    private static async Task<(List<(int Index, string Id)> Live, List<(int Index, string Id, string? State)> Gone)> LaunchOnceAsync(
        LabStart start, LabSubnet subnet, IReadOnlyList<int> indexes, string groupId, int attempt, CancellationToken ct)
    {
        var instances = await start.RetryAsync(
            LabStep.RunInstances,
            async token =>
            {
                var response = await start.Lab.Ec2.RunInstancesAsync(LaunchRequest(start, subnet, indexes, groupId, attempt), token).ConfigureAwait(false);
                return (IReadOnlyList<Instance>)[.. (response?.Reservation?.Instances ?? []).Where(i => i.InstanceId is not null).OrderBy(i => i.AmiLaunchIndex ?? 0)];
            },
            ex => ex.HasErrorCode(Ec2ErrorCodes.InvalidGroupNotFound),
            ct).ConfigureAwait(false);

        var live = new List<(int Index, string Id)>();
        var gone = new List<(int Index, string Id, string? State)>();
        foreach (var (instance, index) in instances.Zip(indexes))
        {
            if (instance.StateName() is "shutting-down" or "terminated")
            {
                gone.Add((index, instance.InstanceId!, instance.StateName()));
                continue;
            }

            start.Created(new LabResource(LabResourceKind.Instance, instance.InstanceId!));
            start.Inventory.SetInstance(index, instance.InstanceId!);
            live.Add((index, instance.InstanceId!));
        }

        return instances.Count != indexes.Count
            ? throw new InvalidOperationException($"RunInstances in {subnet.AvailabilityZone} launched {instances.Count} instance(s), expected {indexes.Count}.")
            : (live, gone);
    }

    /// <summary>
    /// Gives an instance its Name (<c>&lt;lab&gt;-N</c>). Needed per instance when one RunInstances launched several, and
    /// for adopted instances whose start was interrupted before they were named.
    /// </summary>
    private static Task NameAsync(LabStart start, int index, string id)
    {
        var name = start.Definition.InstanceName(index);
        return start.Steps.RunAsync(
            LabStep.TagInstances,
            $"Naming {id} {name}",
            ct => start.RetryAsync(
                LabStep.TagInstances,
                async token =>
                {
                    await start.Lab.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [id], Tags = [new Tag("Name", name)] }, token).ConfigureAwait(false);
                    return true;
                },
                ex => ex.HasErrorCode(Ec2ErrorCodes.InvalidInstanceIdNotFound),
                ct),
            $"Named {id} {name}",
            new LabResource(LabResourceKind.Instance, id));
    }

    private static RunInstancesRequest LaunchRequest(LabStart start, LabSubnet subnet, IReadOnlyList<int> indexes, string groupId, int attempt)
    {
        var definition = start.Definition;
        var instanceName = indexes.Count == 1 ? definition.InstanceName(indexes[0]) : null;
        var ownership = start.Ownership;
        var request = new RunInstancesRequest
        {
            ImageId = definition.ImageId,
            InstanceType = InstanceType.FindValue(definition.InstanceType),
            MinCount = indexes.Count,
            MaxCount = indexes.Count,
            SubnetId = subnet.SubnetId,
            SecurityGroupIds = [groupId],

            // Idempotency: a retried call with the same token returns the same instances instead of launching more.
            // EC2 remembers a token for at least 24 h, even after its instances terminated, so it is unique per start
            // (a re-run after a partial teardown would get the terminated instances back) and per attempt.
            ClientToken = $"{ownership.LabId}-{subnet.AvailabilityZone}-{indexes[0]}-{start.LaunchNonce}-{attempt}",
            MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required, HttpEndpoint = InstanceMetadataEndpointState.Enabled },
            TagSpecifications =
            [
                ownership.Ec2Spec(ResourceType.Instance, LabRoles.Instance, instanceName),
                ownership.Ec2Spec(ResourceType.Volume, LabRoles.Instance, instanceName),
                ownership.Ec2Spec(ResourceType.NetworkInterface, LabRoles.Instance, instanceName),
            ],
        };
        if (definition.UserData.Length > 0)
        {
            request.UserData = Convert.ToBase64String(Encoding.UTF8.GetBytes(definition.UserData));
        }

        foreach (var customize in definition.RunInstancesCustomizations)
        {
            customize(request);
        }

        return request;
    }
}
