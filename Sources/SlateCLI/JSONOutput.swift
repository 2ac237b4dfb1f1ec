import Foundation
import SlateCore
import SlateStore

/// `--json` output: values through `JSONEncoder`, and large plans through a direct writer that gives the same text.
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

/// JSON written straight into one string, for outputs too large for `JSONEncoder` to be
/// quick. Keys are given in sorted order by the caller, as `encode` sorts them.
struct JSONWriter {
    private var bytes: [UInt8] = []
    private var needsComma = false

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The JSON written so far.
    var out: String { String(decoding: bytes, as: UTF8.self) }

    mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        needsComma = false
    }

    mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma = true
    }

    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [0x22, 0x3A])
        needsComma = false
    }

    mutating func raw(_ text: String) {
        separate()
        bytes.append(contentsOf: text.utf8)
        needsComma = true
    }

    mutating func string(_ text: String) {
        separate()
        bytes.append(0x22)
        // Most values need no escaping: append them whole.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C }) {
            bytes.append(contentsOf: text.utf8)
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": bytes.append(contentsOf: "\\\"".utf8)
                case "\\": bytes.append(contentsOf: "\\\\".utf8)
                case "\n": bytes.append(contentsOf: "\\n".utf8)
                case "\r": bytes.append(contentsOf: "\\r".utf8)
                case "\t": bytes.append(contentsOf: "\\t".utf8)
                default:
                    if scalar.value < 0x20 || TextInput.isControl(scalar) {
                        let hex = String(scalar.value, radix: 16)
                        bytes.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).utf8)
                    } else {
                        bytes.append(contentsOf: String(scalar).utf8)
                    }
                }
            }
        }
        bytes.append(0x22)
        needsComma = true
    }

    mutating func field(_ name: StaticString, _ text: String) {
        key(name)
        string(text)
    }

    mutating func field(_ name: StaticString, raw text: String) {
        key(name)
        raw(text)
    }

    /// An amount as `MoneyValue` encodes it: currency, minor units, text.
    mutating func money(_ name: StaticString, _ value: MoneyValue) {
        key(name)
        open(0x7B)
        field("currency", value.currency)
        field("minor", raw: String(value.minor))
        field("text", value.text)
        close(0x7D)
    }

    mutating func strings(_ name: StaticString, _ values: [String]) {
        key(name)
        open(0x5B)
        for value in values { string(value) }
        close(0x5D)
    }

    private mutating func separate() {
        if needsComma { bytes.append(0x2C) }
    }
}

extension JSONOutput {
    /// A project's plan, written directly: the same text `encode` gives through
    /// `JSONEncoder`, which dominated `project schedule --json` for large plans.
    static func encode(_ schedule: ProjectSchedule) -> String {
        var json = JSONWriter(capacity: 600 * schedule.phases.count + 1000)
        func links(_ name: StaticString, _ links: [PhaseLinkView]) {
            json.key(name)
            json.open(0x5B)
            for link in links {
                json.open(0x7B)
                json.field("kind", link.kind.rawValue)
                json.field("lag", raw: String(link.lag))
                json.field("name", link.name)
                json.field("uid", link.uid)
                json.close(0x7D)
            }
            json.close(0x5D)
        }
        json.open(0x7B)
        if let client = schedule.client { json.field("client", client) }
        json.strings("critical_chain", schedule.criticalChain)
        json.field("finish", schedule.finish.iso)
        json.field("locale", schedule.locale)
        json.field("name", schedule.name)
        json.field("open_weekdays", raw: "[" + schedule.openWeekdays.map(String.init).joined(separator: ",") + "]")
        json.key("phases")
        json.open(0x5B)
        for phase in schedule.phases {
            json.open(0x7B)
            json.money("actual", phase.actual)
            json.strings("assigned", phase.assigned)
            json.money("budget", phase.budget)
            json.field("critical", raw: String(phase.critical))
            json.field("early_finish", phase.earlyFinish.iso)
            json.field("early_start", phase.earlyStart.iso)
            json.field("end", phase.end.iso)
            json.field("fixed", raw: String(phase.fixed))
            json.field("late_finish", phase.lateFinish.iso)
            json.field("late_start", phase.lateStart.iso)
            json.field("milestone", raw: String(phase.milestone))
            json.field("name", phase.name)
            links("predecessors", phase.predecessors)
            json.field("progress", raw: String(phase.progress))
            json.field("start", phase.start.iso)
            links("successors", phase.successors)
            json.field("total_float", raw: String(phase.totalFloat))
            json.field("uid", phase.uid)
            json.field("version", raw: String(phase.version))
            json.strings("violated_by", phase.violatedBy)
            json.field("working_days", raw: String(phase.workingDays))
            json.close(0x7D)
        }
        json.close(0x5D)
        json.field("start", schedule.start.iso)
        json.field("studio", schedule.studio)
        json.field("time_zone", schedule.timeZone)
        json.field("uid", schedule.uid)
        json.close(0x7D)
        return json.out
    }
}
