/// One phase as the critical path method sees it, in working days.
public struct PlanTask: Equatable, Sendable {
    /// Working days it lasts; 0 for a milestone.
    public var duration: Int
    /// The working-day index a fixed phase is set to start on; nil for an auto-scheduled one.
    /// A fixed start acts as "start no earlier than".
    public var fixedStart: Int?

    public init(duration: Int, fixedStart: Int? = nil) {
        self.duration = max(0, duration)
        self.fixedStart = fixedStart
    }
}

/// A dependency between two phases, by their positions in the task list.
public struct PlanLink: Equatable, Sendable {
    public var from, to: Int
    public var kind: DependencyKind
    /// Working days of lag (0 or more).
    public var lag: Int

    public init(from: Int, to: Int, kind: DependencyKind = .finishToStart, lag: Int = 0) {
        self.from = from
        self.to = to
        self.kind = kind
        self.lag = lag
    }

    /// The earliest start this link allows its successor, given the predecessor's early start.
    public func earliestStart(predecessorStart: Int, predecessorDuration: Int, successorDuration: Int) -> Int {
        switch kind {
        case .finishToStart: predecessorStart + predecessorDuration + lag
        case .startToStart: predecessorStart + lag
        case .finishToFinish: predecessorStart + predecessorDuration + lag - successorDuration
        }
    }

    /// The latest finish this link allows its predecessor, given the successor's late start.
    public func latestFinish(successorLateStart: Int, successorDuration: Int, predecessorDuration: Int) -> Int {
        switch kind {
        case .finishToStart: successorLateStart - lag
        case .startToStart: successorLateStart - lag + predecessorDuration
        case .finishToFinish: successorLateStart + successorDuration - lag
        }
    }
}

/// A dependency cycle, as the positions of its phases in order (the first follows the last).
public struct DependencyCycle: Error, Equatable, Sendable {
    public var positions: [Int]
}

/// The critical path method over working-day indices (DESIGN §3 rule 10): early and late
/// starts and finishes, total float, and the chain that decides the finish. Finishes are
/// exclusive: a phase of N days starting on index s occupies s ..< s + N. Linear in
/// phases + links.
public struct CriticalPath: Equatable, Sendable {
    public var earlyStart: [Int] = []
    public var earlyFinish: [Int] = []
    public var lateStart: [Int] = []
    public var lateFinish: [Int] = []
    /// Late start minus early start, in working days.
    public var totalFloat: [Int] = []
    /// The project's finish: the latest early finish (the start when there are no phases).
    public var finish: Int
    /// One critical chain, first phase first: each starts when its predecessor lets it.
    public var chain: [Int] = []
    /// Positions in an order where every predecessor comes before its successors.
    public var order: [Int] = []

    public func isCritical(_ position: Int) -> Bool { totalFloat[position] == 0 }

    /// Computes the plan of `tasks` linked by `links`, auto-scheduled phases starting no
    /// earlier than `start`. Throws `DependencyCycle` when the links loop.
    public init(tasks: [PlanTask], links: [PlanLink], start: Int) throws {
        let n = tasks.count
        var successors = [[Int]](repeating: [], count: n)
        var predecessors = [[Int]](repeating: [], count: n)
        var waiting = [Int](repeating: 0, count: n)
        for (index, link) in links.enumerated() {
            successors[link.from].append(index)
            predecessors[link.to].append(index)
            waiting[link.to] += 1
        }
        // Kahn's topological order.
        var order: [Int] = []
        order.reserveCapacity(n)
        for i in 0..<n where waiting[i] == 0 { order.append(i) }
        var head = 0
        while head < order.count {
            let node = order[head]
            head += 1
            for l in successors[node] {
                let next = links[l].to
                waiting[next] -= 1
                if waiting[next] == 0 { order.append(next) }
            }
        }
        guard order.count == n else {
            throw DependencyCycle(positions: Self.cycle(among: waiting, links: links, successors: successors))
        }
        self.order = order
        // Forward pass.
        var es = [Int](repeating: 0, count: n)
        for node in order {
            var earliest = tasks[node].fixedStart ?? start
            for l in predecessors[node] {
                let link = links[l]
                earliest = max(earliest, link.earliestStart(predecessorStart: es[link.from], predecessorDuration: tasks[link.from].duration,
                                                            successorDuration: tasks[node].duration))
            }
            es[node] = earliest
        }
        let ef = (0..<n).map { es[$0] + tasks[$0].duration }
        finish = ef.max() ?? start
        // Backward pass.
        var lf = [Int](repeating: finish, count: n)
        for node in order.reversed() {
            var latest = finish
            for l in successors[node] {
                let link = links[l]
                latest = min(latest, link.latestFinish(successorLateStart: lf[link.to] - tasks[link.to].duration, successorDuration: tasks[link.to].duration,
                                                       predecessorDuration: tasks[node].duration))
            }
            lf[node] = latest
        }
        earlyStart = es
        earlyFinish = ef
        lateFinish = lf
        lateStart = (0..<n).map { lf[$0] - tasks[$0].duration }
        totalFloat = (0..<n).map { lateStart[$0] - es[$0] }
        // One critical chain: back from a critical phase that ends the project, each step
        // to a critical predecessor whose link sets the start.
        if var current = (0..<n).filter({ ef[$0] == finish && totalFloat[$0] == 0 }).min(by: { (-es[$0], $0) < (-es[$1], $1) }) {
            var chain = [current]
            while let l = predecessors[current].first(where: { l in
                let link = links[l]
                return totalFloat[link.from] == 0
                    && link.earliestStart(predecessorStart: es[link.from], predecessorDuration: tasks[link.from].duration, successorDuration: tasks[current].duration) == es[current]
            }) {
                current = links[l].from
                chain.append(current)
            }
            self.chain = chain.reversed()
        }
    }

    /// Links whose constraint a fixed phase's set start breaks: the start it has is earlier
    /// than the link allows given the plan's early starts.
    public func violations(tasks: [PlanTask], links: [PlanLink]) -> [PlanLink] {
        links.filter { link in
            guard let fixed = tasks[link.to].fixedStart else { return false }
            return link.earliestStart(predecessorStart: earlyStart[link.from], predecessorDuration: tasks[link.from].duration,
                                      successorDuration: tasks[link.to].duration) > fixed
        }
    }

    /// The positions reachable from `position` along links (not including it).
    public static func dependents(of position: Int, count: Int, links: [PlanLink]) -> Set<Int> {
        var successors = [[Int]](repeating: [], count: count)
        for link in links { successors[link.from].append(link.to) }
        var seen: Set<Int> = []
        var stack = successors[position]
        while let node = stack.popLast() {
            guard seen.insert(node).inserted else { continue }
            stack += successors[node]
        }
        return seen
    }

    /// A cycle among the nodes Kahn's order could not reach (those still waiting), from its lowest position.
    private static func cycle(among waiting: [Int], links: [PlanLink], successors: [[Int]]) -> [Int] {
        guard let first = waiting.indices.first(where: { waiting[$0] > 0 }) else { return [] }
        // Walk backwards along links into still-waiting nodes until a node repeats.
        var into = [Int: Int]()
        for link in links where waiting[link.to] > 0 && waiting[link.from] > 0 { into[link.to] = link.from }
        var path: [Int] = []
        var position: [Int: Int] = [:]
        var node = first
        while position[node] == nil {
            position[node] = path.count
            path.append(node)
            guard let previous = into[node] else { return [first] }
            node = previous
        }
        let cycle = Array(path[position[node]!...].reversed())
        // Named from its lowest position, so the same loop always reads the same.
        let lowest = cycle.indices.min { cycle[$0] < cycle[$1] } ?? 0
        return Array(cycle[lowest...] + cycle[..<lowest])
    }
}
