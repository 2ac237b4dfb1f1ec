import Foundation

/// Checks a task's value against its input type.
public enum TaskValue {
    /// The cleaned value, or a message saying what the input type expects. Numbers and
    /// percentages are read in the workspace's locale (`1 234,5` in fr_FR) and kept in one
    /// form (`1234.5`); dates are read in the show's studio zone.
    public static func validate(_ text: String, as input: TaskInputType, zone: LocalTime, locale: String = "en_US") throws -> String {
        let value = try TextInput.line(text, field: "value", limit: 2000)
        if value.isEmpty { return value }
        switch input {
        case .text, .file:
            return value
        case .number:
            guard let number = number(value, locale: locale) else { throw SlateError.invalidInput("'\(value)' is not a number (\(example(locale)))") }
            return number
        case .percentage:
            let digits = value.hasSuffix("%") ? String(value.dropLast()).trimmingWhitespace() : value
            guard let number = number(digits, locale: locale), let amount = Double(number), (0...100).contains(amount) else {
                throw SlateError.invalidInput("'\(value)' is not a percentage between 0 and 100")
            }
            return number
        case .date:
            _ = try zone.parse(value)
            return value
        case .url:
            guard let url = URL(string: value), let scheme = url.scheme, ["http", "https"].contains(scheme.lowercased()), url.host != nil else {
                throw SlateError.invalidInput("'\(value)' is not a web address (http or https)")
            }
            return value
        }
    }

    /// A number typed in `locale`, written with a point and no grouping (`1234.5`); nil when it is not one.
    static func number(_ text: String, locale identifier: String) -> String? {
        let locale = Locale(identifier: identifier)
        let decimal = locale.decimalSeparator ?? "."
        let grouping = locale.groupingSeparator ?? ","
        var cleaned = ""
        for character in text {
            if character == " " || character == "\u{00A0}" || character == "\u{202F}" || (String(character) == grouping && grouping != decimal) { continue }
            cleaned.append(String(character) == decimal ? "." : character)
        }
        guard !cleaned.isEmpty, cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }), let number = Double(cleaned), number.isFinite else { return nil }
        return cleaned
    }

    private static func example(_ identifier: String) -> String {
        let decimal = Locale(identifier: identifier).decimalSeparator ?? "."
        return "for example 1234\(decimal)5"
    }
}
