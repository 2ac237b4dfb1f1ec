/// Skills and languages with a level 1–5, typed and stored as `French:5,English` (a name
/// without a level is level 1).
public enum LevelledList {
    public struct Item: Sendable, Equatable {
        public var name: String
        public var level: Int
    }

    /// Checked items of what a user typed (comma lists in one or several strings), each name
    /// once whatever its case; a level outside 1–5 is refused naming the item.
    public static func parse(_ items: [String], field: String) throws -> [Item] {
        var seen = Set<String>()
        var result: [Item] = []
        for item in items.flatMap({ $0.split(separator: ",") }) {
            let parts = item.split(separator: ":", maxSplits: 1).map { String($0).trimmingWhitespace() }
            let name = try TextInput.line(parts.first ?? "", field: field, limit: 64)
            guard !name.isEmpty else { continue }
            var level = 1
            if parts.count == 2 {
                guard let value = Int(parts[1]), (1...5).contains(value) else {
                    throw SlateError.invalidInput("\(field): the level of \(TextInput.printable(name)) must be 1 to 5 (\(TextInput.printable(String(item))))")
                }
                level = value
            }
            if seen.insert(name.lowercased()).inserted { result.append(Item(name: name, level: level)) }
        }
        return result
    }

    /// Items as stored: `French:5,English`.
    public static func text(_ items: [Item]) -> String {
        items.map { $0.level > 1 ? "\($0.name):\($0.level)" : $0.name }.joined(separator: ",")
    }

    /// A stored list (checked when written), split on its bytes: matching reads thousands.
    public static func stored(_ text: String) -> [Item] {
        guard !text.isEmpty else { return [] }
        return text.utf8.split(separator: UInt8(ascii: ",")).compactMap { item in
            let parts = item.split(separator: UInt8(ascii: ":"), maxSplits: 1)
            guard let name = parts.first else { return nil }
            return Item(name: String(decoding: name, as: UTF8.self), level: parts.count == 2 ? Int(String(decoding: parts[1], as: UTF8.self)) ?? 1 : 1)
        }
    }
}
