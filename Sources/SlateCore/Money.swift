/// Amounts of money as users type them; stored as integer minor units.
public enum Money {
    /// Minor units (cents) of an amount typed as `450` or `450.50`.
    public static func minorUnits(_ text: String) throws -> Int64 {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), whole >= 0, whole < 1_000_000_000 else {
            throw SlateError.invalidInput("'\(TextInput.printable(text))' is not an amount; use e.g. 450 or 450.50")
        }
        var cents: Int64 = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), let value = Int64(parts[1]) else {
                throw SlateError.invalidInput("'\(TextInput.printable(text))' is not an amount; use e.g. 450 or 450.50")
            }
            cents = parts[1].count == 1 ? value * 10 : value
        }
        return whole * 100 + cents
    }
}
