import Foundation
import Testing
@testable import SlateCore
@testable import SlateStore
@testable import SlateTUI

/// A deterministic grid: Paris, Thursday 2026-12-03 09:30, rooms and talent with CJK and emoji names.
enum Scene {
    static let zone = LocalTime.cached("Europe/Paris")!
    static let now: Int64 = try! zone.parse("2026-12-03T09:30")

    static func at(_ text: String) -> Int64 { try! zone.parse(text) }

    static func resource(_ id: Int64, _ name: String, _ kind: ResourceKind, hours: String = "Mon-Sat 08:00-22:00") -> GridResource {
        GridResource(id: id, uid: "rs-\(id)", name: name, kind: kind, studioUID: "st-1", studioName: "North Light", zone: "Europe/Paris", openingHours: hours,
                     skills: kind == .talent ? "hosting,beauty" : "")
    }

    static func booking(_ uid: String, _ resource: Int64, _ start: String, _ end: String, _ status: BookingStatus, rank: Int? = nil, show: String? = nil, holder: String = "alice") -> BookingView {
        BookingView(uid: uid, resourceUID: "rs-\(resource)", resourceName: "r\(resource)", resourceKind: "room", studioUID: "st-1", timeZone: "Europe/Paris", status: status,
                    start: at(start), end: at(end), rank: rank, expiresAt: rank == nil ? nil : at("2026-12-10T09:00"),
                    challengeDeadline: nil, holder: holder, showUID: show.map { _ in "sh-1" }, showTitle: show, clientName: show.map { _ in "Acme" }, note: "", version: 1)
    }

    static var resources: [GridResource] {
        [resource(1, "Stage A", .room), resource(2, "Podcast Booth 🎙", .room), resource(3, "王芳", .talent), resource(4, "Zoë 🎤 Park", .talent),
         resource(5, "Ngozi Adébáyọ̀", .talent), resource(6, "Sony FX6", .equipment, hours: "")]
    }

    static var window: GridWindow {
        GridWindow(
            bookings: [
                booking("bk-a", 1, "2026-12-03T10:00", "2026-12-03T12:00", .confirmed, show: "Acme live 1"),
                booking("bk-b", 1, "2026-12-04T14:00", "2026-12-04T17:00", .hold, rank: 1),
                booking("bk-c", 1, "2026-12-04T15:00", "2026-12-04T18:00", .hold, rank: 2, holder: "maya"),
                booking("bk-d", 3, "2026-12-03T10:00", "2026-12-03T12:00", .confirmed, show: "Acme live 1"),
                booking("bk-e", 6, "2026-12-01T09:00", "2026-12-02T18:00", .confirmed),
            ],
            drafts: [GridDraft(showUID: "sh-9", title: "Petit Chef ep. 1", resourceUID: "rs-2", interval: Interval(start: at("2026-12-05T10:00"), end: at("2026-12-05T12:00")))],
            timeOff: [GridTimeOff(resourceUID: "rs-4", interval: Interval(start: at("2026-12-02T00:00"), end: at("2026-12-03T00:00")), hard: true, reason: "holiday")])
    }

    /// The scene loaded into a state of the given size, as the runtime would.
    static func state(width: Int = 80, height: Int = 24, unicode: Bool = true, locale: String = "en_US") -> AppState {
        var state = AppState(width: width, height: height, now: now, zone: zone, words: .of(locale), workspaceName: "Demo", user: "alice", unicode: unicode)
        let effects = update(&state, .resourcesLoaded(resources))
        if case .loadWindow(let period)? = effects.first { _ = update(&state, .windowLoaded(window, period, Set(resources.map(\.uid)))) }
        return state
    }

    /// Applies keys, returning every effect they produced; window loads are answered with
    /// the scene's data at once, as the runtime would.
    @discardableResult
    static func press(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
        keys.flatMap { key in
            let effects = update(&state, .key(key))
            for case .loadWindow(let period) in effects {
                _ = update(&state, .windowLoaded(window, period, Set(resources.map(\.uid))))
            }
            return effects
        }
    }
}

/// Golden text files beside the tests; `SLATE_RECORD_GOLDENS=1` re-records them.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SLATE_RECORD_GOLDENS"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? (actual + "\n").write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden \(name); run with SLATE_RECORD_GOLDENS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual + "\n" {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = (actual + "\n").split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            Issue.record("\(name) differs from its golden at line \(line + 1):\nexpected: \(line < e.count ? String(e[line]) : "<end>")\nactual:   \(line < a.count ? String(a[line]) : "<end>")", sourceLocation: sourceLocation)
        }
    }
}
