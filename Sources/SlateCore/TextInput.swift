/// Checks and cleans text that users type into names, notes and other fields.
///
/// Bad text is refused with a message, never stored: control characters, invalid UTF-8
/// (which arrives as U+FFFD), empty required fields and overlong values.
public enum TextInput {
    /// Longest accepted name or title, in characters.
    public static let maxNameLength = 200
    /// Longest accepted note or body, in characters.
    public static let maxNoteLength = 10_000

    /// A required single-line name: trimmed, 1...200 characters, no control characters.
    public static func name(_ text: String, field: String = "name") throws -> String {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw SlateError.invalidInput("the \(field) must not be empty") }
        return try line(trimmed, field: field, limit: maxNameLength)
    }

    /// An optional single-line value (may be empty), same checks as `name`.
    public static func line(_ text: String, field: String, limit: Int = maxNameLength) throws -> String {
        let clean = try normalized(text.trimmingWhitespace(), field: field, limit: limit)
        try rejectBadScalars(clean, field: field, allowNewlines: false)
        return clean
    }

    /// A multi-line note: newlines and tabs allowed, other control characters refused.
    public static func note(_ text: String, field: String = "note") throws -> String {
        let clean = try normalized(text, field: field, limit: maxNoteLength)
        try rejectBadScalars(clean, field: field, allowNewlines: true)
        return clean
    }

    /// Most combining marks one character may carry (more is "zalgo" text that no name needs).
    public static let maxMarksPerCharacter = 8

    /// The text in NFC, its length counted in code points after composing, so a letter with
    /// 50,000 combining marks is 50,001 long, not one character.
    private static func normalized(_ text: String, field: String, limit: Int) throws -> String {
        // ASCII is already composed and has no combining marks.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            guard text.utf8.count <= limit else { throw SlateError.invalidInput("the \(field) is \(text.utf8.count) characters long; at most \(limit) are allowed") }
            return text
        }
        let composed = text.precomposedStringWithCanonicalMapping
        let length = composed.unicodeScalars.count
        guard length <= limit else {
            throw SlateError.invalidInput("the \(field) is \(length) characters long; at most \(limit) are allowed")
        }
        if composed.contains(where: { $0.unicodeScalars.count > maxMarksPerCharacter + 1 }) {
            throw SlateError.invalidInput("the \(field) has a character with more than \(maxMarksPerCharacter) combining marks; remove them")
        }
        return composed
    }

    /// Shows text safely on one line: control and bidi characters escaped as `\u{..}`.
    public static func printable(_ text: String, limit: Int = 80) -> String {
        let out = escaping(text)
        return out.count > limit ? String(out.prefix(limit)) + "…" : out
    }

    /// Text for a terminal, any length and lines kept: every control or bidi character
    /// other than newline and tab escaped as `\u{..}`.
    public static func terminalSafe(_ text: String) -> String {
        escaping(text, keeping: ["\n", "\t"])
    }

    /// How a control character is shown: `\u{1b}`.
    public static func escaped(_ scalar: Unicode.Scalar) -> String {
        "\\u{\(String(scalar.value, radix: 16))}"
    }

    /// `text` with every control character but those `keeping` escaped.
    private static func escaping(_ text: String, keeping: Set<Unicode.Scalar> = []) -> String {
        // Printable ASCII (and newlines and tabs) needs no look at its scalars.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x09 }), keeping.isSuperset(of: ["\n", "\t"]) { return text }
        guard text.unicodeScalars.contains(where: { isControl($0) && !keeping.contains($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar), !keeping.contains(scalar) { out.append(contentsOf: escaped(scalar).unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }

    private static func rejectBadScalars(_ text: String, field: String, allowNewlines: Bool) throws {
        for scalar in text.unicodeScalars {
            if scalar.value == 0xFFFD {
                throw SlateError.invalidInput("the \(field) is not valid UTF-8 text")
            }
            if allowNewlines, scalar == "\n" || scalar == "\t" { continue }
            if isControl(scalar) {
                throw SlateError.invalidInput("the \(field) contains a control character (\(escaped(scalar))); remove it")
            }
        }
    }

    /// The one definition of a character that must never reach a terminal as itself:
    /// C0 and C1 controls, DEL, line/paragraph separators and the bidi controls that can
    /// reorder what a terminal shows (U+061C, U+200E–F, U+202A–E, U+2066–9).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
            || v == 0x061C || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    public func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" || first == "\r" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
