/// What the terminal reports besides nothing.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case resized(width: Int, height: Int)
}

/// A terminal as the program loop needs it. SlateTerminal implements it with ncurses;
/// tests implement it in memory, so the whole loop runs without a terminal.
public protocol TerminalBackend: AnyObject {
    /// Columns and lines now.
    var width: Int { get }
    var height: Int { get }
    /// False outside UTF-8 locales: screens draw ASCII.
    var unicode: Bool { get }
    /// True once the program must end: a signal arrived or the terminal went away.
    var mustStop: Bool { get }
    /// Sends changed cells; with `full`, the screen was cleared first and every cell is given.
    func write(_ changes: [CellChange], full: Bool)
    /// Forgets what is on screen, so the next frame repaints everything (Ctrl-L, resize).
    func invalidate()
    /// Waits up to `milliseconds` for a key or a resize.
    func next(timeout milliseconds: Int32) -> TerminalEvent?
    /// Draws with another theme from the next frame on.
    func setTheme(_ theme: Theme)
}
