// The faults act on whole processes, a proxy and a database server: one at a time, so that one fault's
// processes never compete with another's for the machine's cores while being measured.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
