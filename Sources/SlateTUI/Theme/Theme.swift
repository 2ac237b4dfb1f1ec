import Foundation
import SlateCore

/// A colour as a theme names it.
public enum ThemeColor: Equatable, Sendable {
    case terminalDefault
    /// xterm palette index 0–255.
    case index(Int)

    /// The closest colour a terminal with `colors` colours has (nil = terminal default).
    public func fitted(to colors: Int) -> Int? {
        guard case .index(let value) = self else { return nil }
        if colors >= 256 || value < colors { return colors >= 16 || value < 8 ? value : value % 8 }
        let basic = value < 16 ? value : Self.nearestBasic(value)
        return colors >= 16 ? basic : basic % 8
    }

    /// Nearest of the 16 basic colours for a palette index 16–255.
    static func nearestBasic(_ value: Int) -> Int {
        let (r, g, b): (Int, Int, Int)
        if value >= 232 {
            let level = 8 + (value - 232) * 10
            (r, g, b) = (level, level, level)
        } else {
            let cube = value - 16
            let steps = [0, 95, 135, 175, 215, 255]
            (r, g, b) = (steps[cube / 36], steps[cube / 6 % 6], steps[cube % 6])
        }
        let basics: [(Int, Int, Int)] = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
                                         (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
        var best = 0
        var bestDistance = Int.max
        for (index, color) in basics.enumerated() {
            let distance = (color.0 - r) * (color.0 - r) + (color.1 - g) * (color.1 - g) + (color.2 - b) * (color.2 - b)
            if distance < bestDistance { (best, bestDistance) = (index, distance) }
        }
        return best
    }
}

/// How one role looks.
public struct ThemeStyle: Equatable, Sendable {
    public var foreground: ThemeColor = .terminalDefault
    public var background: ThemeColor = .terminalDefault
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false

    /// Foreground and background palette indexes on a terminal with `colors` colours
    /// (nil = the terminal's default). Approximating can land on black text over the
    /// default (usually black) background, or on text the colour of its background: such a
    /// foreground falls back to the terminal's default so nothing is drawn invisible.
    public func fitted(to colors: Int) -> (foreground: Int?, background: Int?) {
        let background = self.background.fitted(to: colors)
        var foreground = self.foreground.fitted(to: colors)
        if let fg = foreground, fg == 0, background == nil || background == 0 { foreground = nil }
        if let fg = foreground, let bg = background, fg == bg { foreground = nil }
        return (foreground, background)
    }
}

/// A colour theme: a style per role, read from a text file in `Themes/` format.
public struct Theme: Equatable, Sendable {
    public var name: String
    public var styles: [StyleRole: ThemeStyle]

    /// The style of a role (roles a theme leaves out look normal).
    public func style(_ role: StyleRole) -> ThemeStyle {
        styles[role] ?? styles[.normal] ?? ThemeStyle()
    }

    /// Names of the themes built into the binary.
    public static var builtinNames: [String] { BuiltinThemes.files.keys.sorted() }

    /// A built-in theme by name, or a theme file by path; throws a message naming the choices.
    public static func load(_ nameOrPath: String) throws -> Theme {
        if let text = BuiltinThemes.files[nameOrPath] { return try parse(text, name: nameOrPath) }
        guard nameOrPath.contains("/") || nameOrPath.hasSuffix(".theme"),
              let text = try? String(contentsOfFile: nameOrPath, encoding: .utf8) else {
            throw SlateError.invalidInput("no theme '\(TextInput.printable(nameOrPath))'; built in: \(builtinNames.joined(separator: ", ")), or give a path to a .theme file")
        }
        return try parse(text, name: (nameOrPath as NSString).lastPathComponent.replacingOccurrences(of: ".theme", with: ""))
    }

    /// The monochrome theme (NO_COLOR, or terminals without colour).
    public static var mono: Theme {
        (try? parse(BuiltinThemes.files["mono"] ?? "", name: "mono")) ?? Theme(name: "mono", styles: [:])
    }

    /// Parses theme text; every bad line is reported with its number.
    public static func parse(_ text: String, name: String) throws -> Theme {
        var styles: [StyleRole: ThemeStyle] = [:]
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            if line.isEmpty { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let role = StyleRole(rawValue: parts[0]) else {
                throw SlateError.invalidInput("theme \(name), line \(number + 1): expected 'role = foreground background [bold] ...' with a known role")
            }
            let words = parts[1].split(separator: " ").map(String.init)
            guard words.count >= 2, let fg = color(words[0]), let bg = color(words[1]) else {
                throw SlateError.invalidInput("theme \(name), line \(number + 1): '\(parts[1])' needs a foreground and a background colour")
            }
            var style = ThemeStyle(foreground: fg, background: bg)
            for attribute in words.dropFirst(2) {
                switch attribute {
                case "bold": style.bold = true
                case "underline": style.underline = true
                case "reverse": style.reverse = true
                case "dim": style.dim = true
                default: throw SlateError.invalidInput("theme \(name), line \(number + 1): unknown attribute '\(attribute)'")
                }
            }
            styles[role] = style
        }
        return Theme(name: name, styles: styles)
    }

    private static func color(_ word: String) -> ThemeColor? {
        let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        if word == "default" { return .terminalDefault }
        if let index = names.firstIndex(of: word) { return .index(index) }
        if word.hasPrefix("bright-"), let index = names.firstIndex(of: String(word.dropFirst(7))) { return .index(index + 8) }
        if let value = Int(word), (0...255).contains(value) { return .index(value) }
        return nil
    }
}
