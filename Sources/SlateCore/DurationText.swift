/// Reads signed durations such as `-2d`, `+3h`, `90m`, `1w`, `0`.
public enum DurationText {
    /// Seconds for the text; throws a message naming the accepted form.
    public static func seconds(_ text: String) throws -> Int64 {
        let trimmed = text.trimmingWhitespace()
        if trimmed == "0" { return 0 }
        var body = Substring(trimmed)
        var sign: Int64 = 1
        if body.first == "-" { sign = -1; body = body.dropFirst() } else if body.first == "+" { body = body.dropFirst() }
        guard let unit = body.last, let amount = Int64(body.dropLast()), amount >= 0, amount <= 100_000 else {
            throw SlateError.invalidInput("'\(TextInput.printable(text))' is not a duration; use e.g. -2d, +3h, 90m or 1w")
        }
        let factor: Int64
        switch unit {
        case "m": factor = 60
        case "h": factor = 3600
        case "d": factor = 86_400
        case "w": factor = 604_800
        default: throw SlateError.invalidInput("'\(TextInput.printable(text))' is not a duration; use e.g. -2d, +3h, 90m or 1w")
        }
        return sign * amount * factor
    }

    /// The shortest text form of a duration in whole minutes, hours, days or weeks.
    public static func text(_ seconds: Int64) -> String {
        if seconds == 0 { return "0" }
        let sign = seconds < 0 ? "-" : "+"
        let value = abs(seconds)
        for (unit, factor) in [("w", Int64(604_800)), ("d", 86_400), ("h", 3600), ("m", 60)] where value % factor == 0 {
            return "\(sign)\(value / factor)\(unit)"
        }
        return "\(sign)\(value / 60)m"
    }
}
