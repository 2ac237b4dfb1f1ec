import Foundation

/// How directory search compares text: case and accents folded ("eloise" finds
/// "Éloïse"), and how a search line becomes an FTS5 query.
public enum SearchText {
    /// Lowercased without diacritics.
    public static func fold(_ text: String) -> String {
        // Most names are ASCII: lowercasing is all folding does to them, and nothing when
        // they are lowercase already.
        var upper = false
        for byte in text.utf8 {
            if byte >= 0x80 { return text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil) }
            if byte >= 0x41 && byte <= 0x5A { upper = true }
        }
        return upper ? text.lowercased() : text
    }

    /// The words of a search line as an FTS5 query: every word must appear (in any order);
    /// a word ending in `*` matches words starting with it. Quotes and FTS5 operators typed
    /// by the user are taken as plain text. Nil when no word is left.
    public static func ftsQuery(_ line: String) -> String? {
        let words = line.split(whereSeparator: { $0.isWhitespace }).compactMap { word -> String? in
            let prefix = word.hasSuffix("*")
            let bare = word.filter { $0 != "\"" && $0 != "*" }
            guard bare.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
            return "\"\(bare)\"" + (prefix ? "*" : "")
        }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}
