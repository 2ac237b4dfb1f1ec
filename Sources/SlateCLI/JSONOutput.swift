import Foundation
import SlateCore

/// `--json` output: every value through `JSONEncoder`.
enum JSONOutput {
    /// Any `Encodable` value as JSON text: sorted snake_case keys, and every character a
    /// terminal could act on (C1 controls, bidi controls) written as a `\uXXXX` escape.
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(value) else { return "null" }
        let text = String(decoding: data, as: UTF8.self)
        guard text.unicodeScalars.contains(where: TextInput.isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if TextInput.isControl(scalar) {
                let hex = String(scalar.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
