/// Phase dependencies as a directed graph (predecessor -> successor).
public enum DependencyGraph {
    /// True when adding `from -> to` to `edges` would close a cycle.
    public static func wouldCreateCycle(adding from: Int64, _ to: Int64, to edges: [(Int64, Int64)]) -> Bool {
        if from == to { return true }
        var next: [Int64: [Int64]] = [:]
        for (a, b) in edges { next[a, default: []].append(b) }
        var stack = [to]
        var seen: Set<Int64> = []
        while let node = stack.popLast() {
            if node == from { return true }
            guard seen.insert(node).inserted else { continue }
            stack += next[node] ?? []
        }
        return false
    }
}
