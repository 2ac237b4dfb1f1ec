/// The line editing every typed line shares (form fields, the command line, search, a
/// forced confirmation's reason), as in a shell: a character goes at the end, Backspace
/// takes the last one off, Ctrl-U clears the line, Ctrl-W takes off the last word.
enum LineEdit {
    /// Applies `key` to `text`. False when `key` does not edit a line (the caller's own keys).
    static func apply(_ key: Key, to text: inout String) -> Bool {
        switch key {
        case .char(let character):
            text.append(character)
        case .backspace:
            if !text.isEmpty { text.removeLast() }
        case .ctrl("u"):
            text = ""
        case .ctrl("w"):
            while text.last?.isWhitespace == true { text.removeLast() }
            while let last = text.last, !last.isWhitespace { text.removeLast() }
        default:
            return false
        }
        return true
    }
}
