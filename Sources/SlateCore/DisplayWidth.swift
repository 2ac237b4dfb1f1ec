/// How text is shown in a terminal and how many cells it takes.
///
/// Widths follow the C library's `wcwidth`, which ncurses uses to place text: the canvas
/// and the terminal must agree on every code point or borders shift. Sequences that
/// terminals join into one glyph while `wcwidth` counts their parts (emoji joined by ZWJ,
/// skin tones, variation selectors, flag pairs) are shown as their parts, so both sides
/// count the same cells. Control and bidi characters are shown escaped, never sent.
public enum DisplayWidth {
    /// Cells taken by one scalar as `wcwidth` says: 0, 1 or 2, or -1 when not printable.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        let ranges = WidthTable.ranges
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if v < range.0 { high = middle - 1 } else if v > range.1 { low = middle + 1 } else { return Int(range.2) }
        }
        return 1
    }

    /// Cells taken by a string once shown (see `shown`).
    public static func of(_ text: String) -> Int {
        var total = 0
        for scalar in shown(text).unicodeScalars { total += max(0, of(scalar)) }
        return total
    }

    /// The text as a terminal gets it: controls and bidi controls escaped (`\u{1b}`), joiners,
    /// variation selectors and skin-tone modifiers left out, regional indicators as letters,
    /// and characters `wcwidth` cannot print as `?`. With `ascii`, everything else outside
    /// ASCII is transliterated (`Chloé` → `Chloe`) or replaced by `?` per cell it would take.
    public static func shown(_ text: String, ascii: Bool = false) -> String {
        if !ascii, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if TextInput.isControl(scalar) {
                out.append(contentsOf: TextInput.escaped(scalar).unicodeScalars)
            } else if v == 0x200D || (0xFE00...0xFE0F).contains(v) || (0x1F3FB...0x1F3FF).contains(v) || (0xE0100...0xE01EF).contains(v) {
                continue
            } else if (0x1F1E6...0x1F1FF).contains(v), let letter = Unicode.Scalar(v - 0x1F1E6 + 65) {
                out.append(letter)
            } else if ascii, v >= 0x80 {
                out.append(contentsOf: transliterated(scalar))
            } else if of(scalar) < 0 {
                out.append("?")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// An ASCII stand-in for one scalar that keeps its width: a Latin letter without its
    /// accents, nothing for a combining mark, `?` per cell otherwise.
    private static func transliterated(_ scalar: Unicode.Scalar) -> String.UnicodeScalarView {
        let width = of(scalar)
        if width == 0 { return String.UnicodeScalarView() }
        if let special = asciiStandIns[scalar.value] { return special.unicodeScalars }
        let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first { $0.value < 0x80 && $0.value >= 0x20 }
        if let base, width == 1 { return String(base).unicodeScalars }
        return String(repeating: "?", count: max(1, width)).unicodeScalars
    }

    private static let asciiStandIns: [UInt32: String] = [
        0x00DF: "s", 0x00E6: "a", 0x00C6: "A", 0x00F8: "o", 0x00D8: "O", 0x0142: "l", 0x0141: "L", 0x0111: "d", 0x0110: "D",
        0x2018: "'", 0x2019: "'", 0x201C: "\"", 0x201D: "\"", 0x2013: "-", 0x2014: "-", 0x2026: ".", 0x00A0: " ", 0x00B7: ".",
        0x2022: "*", 0x2190: "<", 0x2192: ">", 0x2191: "^", 0x2193: "v", 0x00D7: "x", 0x2212: "-",
        // Money and ratings keep their meaning: the narrow no-break space of French thousands,
        // a currency's letter, a star.
        0x202F: " ", 0x20AC: "E", 0x00A3: "L", 0x00A5: "Y", 0x2605: "*",
    ]

    /// The text cut to at most `cells` cells, with `…` when it was cut; with `ascii`, `~`
    /// (a `.` there read as the end of a sentence: "was last change.").
    public static func truncate(_ text: String, to cells: Int, ascii: Bool = false) -> String {
        guard cells > 0 else { return "" }
        let text = shown(text, ascii: ascii)
        if of(text) <= cells { return text }
        var out = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let width = max(0, of(scalar))
            if used + width > cells - 1 { break }
            out.append(scalar)
            used += width
        }
        return String(out) + (ascii ? "~" : "…")
    }

    /// The text padded with spaces to exactly `cells` cells (cut first when longer).
    public static func pad(_ text: String, to cells: Int, ascii: Bool = false) -> String {
        let cut = truncate(text, to: cells, ascii: ascii)
        return cut + String(repeating: " ", count: max(0, cells - of(cut)))
    }
}
