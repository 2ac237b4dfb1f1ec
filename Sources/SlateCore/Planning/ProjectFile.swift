import Foundation

/// How a phase is timed.
public enum PhaseTiming: Equatable, Sendable {
    /// Set by hand: the first and last day (inclusive).
    case fixed(from: Day, through: Day)
    /// Auto-scheduled: this many working days, as early as its dependencies allow.
    case days(Int)
    /// A point in the plan: on a set day, or (nil) as early as its dependencies allow.
    case milestone(on: Day?)
}

/// The file `slate project import` reads and `slate project export` writes:
///
///     {"name": "Album", "studio": "North", "start": "2026-01-05",
///      "phases": [{"key": "t1", "name": "Writing", "duration": "3d"},
///                 {"key": "t2", "name": "Tracking", "from": "2026-01-12", "to": "2026-01-16"},
///                 {"key": "m1", "name": "Master delivered", "milestone": true}],
///      "dependencies": [{"from": "t1", "to": "t2", "type": "FS", "lag": "2d"}]}
///
/// Keys are the file's own names for its phases. A milestone may carry `"on": DATE`;
/// a phase may carry `"progress": 0–100`. Durations and lags are working days ("3d" or 3).
public struct ProjectFile: Equatable, Sendable {
    public struct Phase: Equatable, Sendable {
        public var key, name: String
        public var timing: PhaseTiming
        public var progress: Int

        public init(key: String, name: String, timing: PhaseTiming, progress: Int = 0) {
            self.key = key
            self.name = name
            self.timing = timing
            self.progress = progress
        }
    }

    public struct Link: Equatable, Sendable {
        public var from, to: String
        public var kind: DependencyKind
        public var lag: Int

        public init(from: String, to: String, kind: DependencyKind = .finishToStart, lag: Int = 0) {
            self.from = from
            self.to = to
            self.kind = kind
            self.lag = lag
        }
    }

    public var name: String
    public var studio: String?
    public var client: String?
    public var start: Day?
    public var phases: [Phase]
    public var dependencies: [Link]

    public init(name: String, studio: String? = nil, client: String? = nil, start: Day? = nil, phases: [Phase] = [], dependencies: [Link] = []) {
        self.name = name
        self.studio = studio
        self.client = client
        self.start = start
        self.phases = phases
        self.dependencies = dependencies
    }

    /// The short names of dependency types in files (`FS`, `SS`, `FF`).
    public static func code(_ kind: DependencyKind) -> String {
        switch kind {
        case .finishToStart: "FS"
        case .startToStart: "SS"
        case .finishToFinish: "FF"
        }
    }

    /// Reads `FS`, `SS`, `FF` or the long names.
    public static func kind(_ text: String) -> DependencyKind? {
        DependencyKind.allCases.first { code($0) == text.uppercased() || $0.rawValue == text.lowercased() }
    }

    /// Reads "3d", "3" or 3 as a number of working days.
    public static func days(_ value: Any) -> Int? {
        if let number = value as? Int { return number }
        guard let text = value as? String else { return nil }
        let digits = text.hasSuffix("d") ? String(text.dropLast()) : text
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 5 else { return nil }
        return Int(digits)
    }

    /// Parses and checks a file; a bad file throws `invalidInput` naming the line or the
    /// field (`phases[2].duration: ...`), and nothing else is read.
    public static func parse(_ data: Data) throws -> ProjectFile {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw SlateError.invalidInput("not valid JSON: \(Self.syntaxError(error, in: data))")
        }
        guard let top = object as? [String: Any] else { throw SlateError.invalidInput("the file must hold one JSON object with name, phases and dependencies") }
        let reader = FieldReader(path: "")
        let name = try TextInput.name(try reader.string(top, "name"), field: "project name")
        let studio = try reader.optionalString(top, "studio")
        let client = try reader.optionalString(top, "client")
        let start = try reader.optionalDay(top, "start")
        try reader.known(top, ["name", "studio", "client", "start", "phases", "dependencies"])
        guard let phaseList = top["phases"] as? [Any] else { throw SlateError.invalidInput("phases: required, a list of phases") }
        var phases: [Phase] = []
        var keys: Set<String> = []
        for (index, item) in phaseList.enumerated() {
            let field = FieldReader(path: "phases[\(index)].")
            guard let phase = item as? [String: Any] else { throw SlateError.invalidInput("phases[\(index)]: must be an object") }
            try field.known(phase, ["key", "name", "duration", "from", "to", "milestone", "on", "progress"])
            let key = try field.string(phase, "key")
            guard keys.insert(key).inserted else { throw SlateError.invalidInput("phases[\(index)].key: '\(TextInput.printable(key))' is used twice") }
            let name = try TextInput.name(try field.string(phase, "name"), field: "phases[\(index)].name")
            let progress = try field.optionalInt(phase, "progress", in: 0...100) ?? 0
            let timing: PhaseTiming
            if let milestone = phase["milestone"] {
                guard milestone as? Bool == true else { throw SlateError.invalidInput("phases[\(index)].milestone: must be true when given") }
                guard phase["duration"] == nil, phase["from"] == nil, phase["to"] == nil else {
                    throw SlateError.invalidInput("phases[\(index)]: a milestone has no duration, from or to (use \"on\" to set its day)")
                }
                timing = .milestone(on: try field.optionalDay(phase, "on"))
            } else if let duration = phase["duration"] {
                guard phase["from"] == nil, phase["to"] == nil else {
                    throw SlateError.invalidInput("phases[\(index)]: give either duration or from and to, not both")
                }
                guard let days = Self.days(duration), (1...3650).contains(days) else {
                    throw SlateError.invalidInput("phases[\(index)].duration: '\(TextInput.printable("\(duration)"))' is not a number of working days from 1d to 3650d")
                }
                timing = .days(days)
            } else {
                guard let from = try field.optionalDay(phase, "from"), let to = try field.optionalDay(phase, "to") else {
                    throw SlateError.invalidInput("phases[\(index)]: needs a duration (\"3d\"), from and to dates, or \"milestone\": true")
                }
                guard to >= from else { throw SlateError.invalidInput("phases[\(index)].to: \(to) is before from \(from)") }
                timing = .fixed(from: from, through: to)
            }
            phases.append(Phase(key: key, name: name, timing: timing, progress: progress))
        }
        var links: [Link] = []
        var pairs: Set<[String]> = []
        for (index, item) in ((top["dependencies"] as? [Any]) ?? []).enumerated() {
            let field = FieldReader(path: "dependencies[\(index)].")
            guard let link = item as? [String: Any] else { throw SlateError.invalidInput("dependencies[\(index)]: must be an object") }
            try field.known(link, ["from", "to", "type", "lag"])
            let from = try field.string(link, "from"), to = try field.string(link, "to")
            for (name, key) in [("from", from), ("to", to)] where !keys.contains(key) {
                throw SlateError.invalidInput("dependencies[\(index)].\(name): no phase has the key '\(TextInput.printable(key))'")
            }
            guard from != to else { throw SlateError.invalidInput("dependencies[\(index)]: a phase cannot depend on itself ('\(TextInput.printable(from))')") }
            guard pairs.insert([from, to]).inserted else { throw SlateError.invalidInput("dependencies[\(index)]: \(from) -> \(to) is listed twice") }
            var kind = DependencyKind.finishToStart
            if let type = try field.optionalString(link, "type") {
                guard let parsed = Self.kind(type) else { throw SlateError.invalidInput("dependencies[\(index)].type: '\(TextInput.printable(type))' is not FS, SS or FF") }
                kind = parsed
            }
            var lag = 0
            if let value = link["lag"] {
                guard let days = Self.days(value), (0...3650).contains(days) else {
                    throw SlateError.invalidInput("dependencies[\(index)].lag: '\(TextInput.printable("\(value)"))' is not a number of working days like \"2d\"")
                }
                lag = days
            }
            links.append(Link(from: from, to: to, kind: kind, lag: lag))
        }
        if top["dependencies"] != nil, !(top["dependencies"] is [Any]) { throw SlateError.invalidInput("dependencies: must be a list") }
        return ProjectFile(name: name, studio: studio, client: client, start: start, phases: phases, dependencies: links)
    }

    /// The file as JSON, keys in a fixed order, one phase or dependency per line.
    public func json() -> String {
        func quoted(_ text: String) -> String {
            let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
            return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
        }
        var head = ["\"name\": \(quoted(name))"]
        if let studio { head.append("\"studio\": \(quoted(studio))") }
        if let client { head.append("\"client\": \(quoted(client))") }
        if let start { head.append("\"start\": \"\(start.iso)\"") }
        let phaseLines = phases.map { phase -> String in
            var fields = ["\"key\": \(quoted(phase.key))", "\"name\": \(quoted(phase.name))"]
            switch phase.timing {
            case .fixed(let from, let through): fields += ["\"from\": \"\(from.iso)\"", "\"to\": \"\(through.iso)\""]
            case .days(let days): fields.append("\"duration\": \"\(days)d\"")
            case .milestone(let on): fields.append("\"milestone\": true"); if let on { fields.append("\"on\": \"\(on.iso)\"") }
            }
            if phase.progress != 0 { fields.append("\"progress\": \(phase.progress)") }
            return "    {" + fields.joined(separator: ", ") + "}"
        }
        let linkLines = dependencies.map { link in
            "    {\"from\": \(quoted(link.from)), \"to\": \(quoted(link.to)), \"type\": \"\(Self.code(link.kind))\", \"lag\": \"\(link.lag)d\"}"
        }
        func list(_ lines: [String]) -> String { lines.isEmpty ? "[]" : "[\n" + lines.joined(separator: ",\n") + "\n  ]" }
        return "{\n  " + (head + ["\"phases\": " + list(phaseLines), "\"dependencies\": " + list(linkLines)]).joined(separator: ",\n  ") + "\n}\n"
    }

    /// A JSON syntax error with its line and column.
    private static func syntaxError(_ error: Error, in data: Data) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        if text.contains("line") { return text }
        var offset = (error as NSError).userInfo["NSJSONSerializationErrorIndex"] as? Int
        if offset == nil, let range = text.range(of: "character ") {
            offset = Int(text[range.upperBound...].prefix { $0.isNumber })
        }
        if let offset {
            let before = data.prefix(offset)
            let line = before.filter { $0 == 10 }.count + 1
            let column = offset - (before.lastIndex(of: 10).map { $0 + 1 } ?? 0) + 1
            return "\(text) (line \(line), column \(column))"
        }
        return text
    }
}

/// Typed reads of one JSON object's fields, naming the field in every error.
private struct FieldReader {
    var path: String

    func string(_ object: [String: Any], _ key: String) throws -> String {
        guard let value = object[key] else { throw SlateError.invalidInput("\(path)\(key): required") }
        guard let text = value as? String else { throw SlateError.invalidInput("\(path)\(key): must be text") }
        return text
    }

    func optionalString(_ object: [String: Any], _ key: String) throws -> String? {
        guard object[key] != nil, !(object[key] is NSNull) else { return nil }
        return try string(object, key)
    }

    func optionalDay(_ object: [String: Any], _ key: String) throws -> Day? {
        guard let text = try optionalString(object, key) else { return nil }
        guard let day = Day(iso: text) else { throw SlateError.invalidInput("\(path)\(key): '\(TextInput.printable(text))' is not a date like 2026-01-05") }
        return day
    }

    func optionalInt(_ object: [String: Any], _ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = object[key] else { return nil }
        guard let number = value as? Int, range.contains(number), !(value is Bool) else {
            throw SlateError.invalidInput("\(path)\(key): must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    func known(_ object: [String: Any], _ keys: Set<String>) throws {
        if object.keys.allSatisfy(keys.contains) { return }
        if let unknown = object.keys.sorted().first(where: { !keys.contains($0) }) {
            throw SlateError.invalidInput("\(path)\(TextInput.printable(unknown)): unknown field (known: \(keys.sorted().joined(separator: ", ")))")
        }
    }
}

extension PhaseTiming {
    /// Reads the timing a person types: `3d` (auto-scheduled working days) or
    /// `2026-12-07..2026-12-09` (fixed days) for a phase; `auto` (or nothing) or a date for a milestone.
    public static func parse(_ text: String, milestone: Bool) throws -> PhaseTiming {
        let trimmed = text.trimmingWhitespace()
        if milestone {
            if trimmed.isEmpty || trimmed.lowercased() == "auto" { return .milestone(on: nil) }
            guard let day = Day(iso: trimmed) else { throw SlateError.invalidInput("a milestone's day is a date like 2026-12-07, or auto") }
            return .milestone(on: day)
        }
        if let days = ProjectFile.days(trimmed) {
            guard (1...3650).contains(days) else { throw SlateError.invalidInput("a phase lasts 1 to 3650 working days") }
            return .days(days)
        }
        let parts = trimmed.components(separatedBy: "..")
        guard parts.count == 2, let from = Day(iso: parts[0]), let through = Day(iso: parts[1]) else {
            throw SlateError.invalidInput("'\(TextInput.printable(trimmed))': type working days (3d) or first..last days (2026-12-07..2026-12-09)")
        }
        guard through >= from else { throw SlateError.invalidInput("\(through) is before \(from)") }
        return .fixed(from: from, through: through)
    }

    /// The form `parse` reads.
    public var text: String {
        switch self {
        case .fixed(let from, let through): "\(from.iso)..\(through.iso)"
        case .days(let days): "\(days)d"
        case .milestone(let on): on?.iso ?? "auto"
        }
    }
}
