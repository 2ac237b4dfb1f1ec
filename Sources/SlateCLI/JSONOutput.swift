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
    private(set) var out = ""
    private var needsComma = false

    init(capacity: Int = 0) {
        out.reserveCapacity(capacity)
    }

    mutating func open(_ bracket: String) {
        separate()
        out += bracket
        needsComma = false
    }

    mutating func close(_ bracket: String) {
        out += bracket
        needsComma = true
    }

    mutating func key(_ name: String) {
        separate()
        out += "\""
        out += name
        out += "\":"
        needsComma = false
    }

    mutating func raw(_ text: String) {
        separate()
        out += text
        needsComma = true
    }

    mutating func string(_ text: String) {
        separate()
        out += "\""
        // Most values need no escaping: append them whole.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C }) {
            out += text
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 || TextInput.isControl(scalar) {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        out += "\""
        needsComma = true
    }

    mutating func field(_ name: String, _ text: String) {
        key(name)
        string(text)
    }

    mutating func field(_ name: String, raw text: String) {
        key(name)
        raw(text)
    }

    mutating func strings(_ name: String, _ values: [String]) {
        key(name)
        open("[")
        for value in values { string(value) }
        close("]")
    }

    private mutating func separate() {
        if needsComma { out += "," }
    }
}

extension JSONOutput {
    /// A project's plan, written directly: the same text `encode` gives through
    /// `JSONEncoder`, which dominated `project schedule --json` for large plans.
    static func encode(_ schedule: ProjectSchedule) -> String {
        var json = JSONWriter(capacity: 600 * schedule.phases.count + 1000)
        func links(_ name: String, _ links: [PhaseLinkView]) {
            json.key(name)
            json.open("[")
            for link in links {
                json.open("{")
                json.field("kind", link.kind.rawValue)
                json.field("lag", raw: String(link.lag))
                json.field("name", link.name)
                json.field("uid", link.uid)
                json.close("}")
            }
            json.close("]")
        }
        json.open("{")
        if let client = schedule.client { json.field("client", client) }
        json.strings("critical_chain", schedule.criticalChain)
        json.field("finish", schedule.finish.iso)
        json.field("name", schedule.name)
        json.field("open_weekdays", raw: "[" + schedule.openWeekdays.map(String.init).joined(separator: ",") + "]")
        json.key("phases")
        json.open("[")
        for phase in schedule.phases {
            json.open("{")
            json.strings("assigned", phase.assigned)
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
            json.close("}")
        }
        json.close("]")
        json.field("start", schedule.start.iso)
        json.field("studio", schedule.studio)
        json.field("time_zone", schedule.timeZone)
        json.field("uid", schedule.uid)
        json.close("}")
        return json.out
    }
}
