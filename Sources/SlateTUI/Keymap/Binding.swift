/// One key binding of a screen: the keys, how help and the README show them, what they do.
///
/// A screen's table of bindings drives its key dispatch, its footer hints and its `?`
/// overlay, and a test holds the README's keymap to it: keys are written once.
public struct Binding<Command: Sendable>: Sendable {
    public var keys: [Key]
    /// How the keys are written in help (`h l ← →`); nil for a binding another row describes.
    public var label: String?
    public var help: String
    /// A short hint for the footer (`n:new`), if it earns a place there.
    public var hint: String?
    public var command: Command

    public init(_ keys: [Key], _ label: String?, _ help: String, hint: String? = nil, _ command: Command) {
        self.keys = keys
        self.label = label
        self.help = help
        self.hint = hint
        self.command = command
    }
}

/// The line-by-line keys of a list screen (j k, PgDn PgUp, g G), bound to its line command.
func lineBindings<Command: Sendable>(_ line: (LineStep) -> Command) -> [Binding<Command>] {
    [
        Binding([.char("j"), .down], "↑ ↓ or k j", "previous / next line", line(.down)),
        Binding([.char("k"), .up], nil, "up", line(.up)),
        Binding([.pageDown], "PgDn / PgUp", "a screen of lines down / up", line(.pageDown)),
        Binding([.pageUp], nil, "a screen up", line(.pageUp)),
        Binding([.char("g"), .home], "g / G", "first / last line", line(.first)),
        Binding([.char("G"), .end], nil, "last line", line(.last)),
    ]
}

/// A table of bindings.
public struct Keymap<Command: Sendable>: Sendable {
    public var bindings: [Binding<Command>]

    public init(_ bindings: [Binding<Command>]) {
        self.bindings = bindings
    }

    /// The command a key runs, if any.
    public func command(for key: Key) -> Command? {
        bindings.first { $0.keys.contains(key) }?.command
    }

    /// Rows for help and the README: (keys, what they do).
    public var rows: [(keys: String, help: String)] {
        bindings.compactMap { binding in binding.label.map { ($0, binding.help) } }
    }

    /// Footer hints, in table order.
    public var hints: [String] {
        bindings.compactMap(\.hint)
    }
}
