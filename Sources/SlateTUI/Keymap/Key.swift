/// A key press as the screens see it, independent of the terminal library.
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)

    /// Keys for a string of typed characters (tests and macros).
    public static func typed(_ text: String) -> [Key] {
        text.map { .char($0) }
    }
}
