/// The source of "now", injected so that every rule and test is deterministic.
public struct Clock: Sendable {
    /// Seconds since the Unix epoch.
    public let now: @Sendable () -> Int64

    public init(now: @escaping @Sendable () -> Int64) {
        self.now = now
    }

    /// A clock that always says `instant`.
    public static func fixed(_ instant: Int64) -> Clock { Clock { instant } }
}
