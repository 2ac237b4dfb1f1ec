import Foundation

/// Checks a task's value against its input type.
public enum TaskValue {
    /// The cleaned value, or a message saying what the input type expects.
    public static func validate(_ text: String, as input: TaskInputType, zone: LocalTime) throws -> String {
        let value = try TextInput.line(text, field: "value", limit: 2000)
        if value.isEmpty { return value }
        switch input {
        case .text, .file:
            return value
        case .number:
            guard Double(value) != nil else { throw SlateError.invalidInput("'\(value)' is not a number") }
        case .percentage:
            guard let number = Double(value.hasSuffix("%") ? String(value.dropLast()) : value), (0...100).contains(number) else {
                throw SlateError.invalidInput("'\(value)' is not a percentage between 0 and 100")
            }
        case .date:
            _ = try zone.parse(value)
        case .url:
            guard let url = URL(string: value), let scheme = url.scheme, ["http", "https"].contains(scheme.lowercased()), url.host != nil else {
                throw SlateError.invalidInput("'\(value)' is not a web address (http or https)")
            }
        }
        return value
    }
}
