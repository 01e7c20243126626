namespace CiExercise.Scenarios.Reading;

/// <summary>
/// Finds the loops of a graph: one per strongly connected part that has one (Tarjan's algorithm, without recursion
/// so a hostile file's long chain cannot exhaust the stack), each as the path from the part's first node (in the
/// order nodes are given) round to just before it comes back. Linear in nodes and edges.
/// </summary>
internal static class GraphCycles
{
    /// <param name="next">The successors of a node; those not among nodes are ignored.</param>
    public static IReadOnlyList<IReadOnlyList<T>> Find<T>(IReadOnlyList<T> nodes, Func<T, IEnumerable<T>> next) where T : notnull
    {
        var order = new Dictionary<T, int>();
        foreach (var node in nodes)
        {
            order.TryAdd(node, order.Count);
        }

        IEnumerable<T> Next(T node) => next(node).Where(order.ContainsKey);

        var index = new Dictionary<T, int>();
        var low = new Dictionary<T, int>();
        var stack = new Stack<T>();
        var onStack = new HashSet<T>();
        var loops = new List<(int First, IReadOnlyList<T> Path)>();

        void Open(T node, Stack<(T Node, IEnumerator<T> Next)> work)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            work.Push((node, Next(node).GetEnumerator()));
        }

        foreach (var root in order.Keys.Where(n => !index.ContainsKey(n)))
        {
            var work = new Stack<(T Node, IEnumerator<T> Next)>();
            Open(root, work);
            while (work.Count > 0)
            {
                var (node, successors) = work.Peek();
                if (successors.MoveNext())
                {
                    var successor = successors.Current;
                    if (!index.ContainsKey(successor))
                    {
                        Open(successor, work);
                    }
                    else if (onStack.Contains(successor))
                    {
                        low[node] = Math.Min(low[node], index[successor]);
                    }

                    continue;
                }

                work.Pop();
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }

                if (low[node] != index[node])
                {
                    continue;
                }

                var part = new HashSet<T>();
                T member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    part.Add(member);
                }
                while (!EqualityComparer<T>.Default.Equals(member, node));

                var first = part.MinBy(n => order[n])!;
                if (part.Count > 1 || Next(first).Contains(first))
                {
                    loops.Add((order[first], PathRound(first, part, Next)));
                }
            }
        }

        return loops.OrderBy(l => l.First).Select(l => l.Path).ToArray();
    }

    /// <summary>A shortest path from start through part back to start (breadth first), start first.</summary>
    private static IReadOnlyList<T> PathRound<T>(T start, HashSet<T> part, Func<T, IEnumerable<T>> next) where T : notnull
    {
        var parents = new Dictionary<T, T>();
        var queue = new Queue<T>([start]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var successor in next(node).Where(part.Contains))
            {
                if (EqualityComparer<T>.Default.Equals(successor, start))
                {
                    var path = new List<T> { node };
                    while (!EqualityComparer<T>.Default.Equals(path[^1], start))
                    {
                        path.Add(parents[path[^1]]);
                    }

                    path.Reverse();
                    return path;
                }

                if (parents.TryAdd(successor, node))
                {
                    queue.Enqueue(successor);
                }
            }
        }

        return [start];
    }
}
