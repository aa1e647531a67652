// The servers these tests start publish their data plane: as root a listener's front door binds 127.0.0.1:80, so two
// servers at once compete for it, and "every port is freed after SIGTERM" could see the other server's door. One test
// at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
